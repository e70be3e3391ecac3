#!/usr/bin/env bash
# The container image's files, for Jib to layer (profile -Pimage, see README "Container image" and
# docs/architecture.md "Container image"):
#
#   <out>/app  -> /app               query-api.jar, the Spring Boot jar of query-api
#
# and with <offline> true (-Pimage,image-offline), the base image's, for Jib to layer onto `scratch`:
#
#   <out>/os   -> /                  the dynamic loader and the shared libraries the runtime links
#                                    against (copied from this build machine, found with ldd),
#                                    /etc/passwd and /etc/group with the image's user,
#                                    /etc/nsswitch.conf, /etc/hosts, /tmp
#   <out>/jre  -> /opt/java/openjdk  a jlink runtime of the JDK running the build, with <modules>
#
# Usage: rootfs.sh <offline> <java-home> <modules> <boot-jar> <out> <uid> <gid> <user>
set -euo pipefail

offline=$1 java_home=$2 modules=$3 boot_jar=$4 out=$5 uid=$6 gid=$7 user=$8

rm -rf "$out"
mkdir -p "$out/app"
ln -f "$boot_jar" "$out/app/query-api.jar" 2>/dev/null || cp "$boot_jar" "$out/app/query-api.jar"
if [[ $offline != true ]]; then
  echo "rootfs.sh: /app/query-api.jar only (the base image brings the rest)"
  exit 0
fi
mkdir -p "$out/os/etc" "$out/os/tmp"

if [[ ! -d "$java_home/jmods" ]]; then
  echo "rootfs.sh: $java_home has no jmods/ (a JRE, or a JDK without them): jlink needs a full JDK" >&2
  exit 1
fi
"$java_home/bin/jlink" \
  --add-modules "$modules" \
  --strip-debug --no-man-pages --no-header-files \
  --output "$out/jre"

# java.desktop is there for java.beans (Spring, Jackson); a headless server never loads its
# windowing, sound, font and image natives, and they would drag X11, ALSA and FreeType in.
for native in libawt_xawt libjawt libsplashscreen libjsound libfontmanager liblcms libjavajpeg libmlib_image; do
  rm -f "$out/jre/lib/$native.so"
done

# The runtime is linked dynamically against glibc & co: ship what ldd resolves for the launcher,
# the JVM and every native library left, at the paths ldd reports (the loader's default paths).
libs=$(
  for elf in "$out"/jre/bin/* "$out"/jre/lib/*.so "$out"/jre/lib/server/*.so "$out"/jre/lib/jspawnhelper "$out"/jre/lib/jexec; do
    [[ -f "$elf" ]] || continue
    ldd "$elf" 2>/dev/null || true
  done | awk '$2 == "=>" && $3 ~ /^\// && $3 !~ "'"$out"'" { print $3 } $1 ~ /^\/.*ld-linux/ { print $1 }' | sort -u
)
if ! grep -q ld-linux <<<"$libs" || ! grep -q 'libc\.so' <<<"$libs"; then
  echo "rootfs.sh: ldd found no glibc loader for $out/jre/bin/java (not a glibc system?)" >&2
  exit 1
fi
missing=$(for elf in "$out"/jre/bin/* "$out"/jre/lib/*.so "$out"/jre/lib/server/*.so; do ldd "$elf" 2>/dev/null; done | grep 'not found' | grep -v 'libjvm.so' || true)
if [[ -n "$missing" ]]; then
  echo "rootfs.sh: unresolved libraries: $missing" >&2
  exit 1
fi
for lib in $libs; do
  mkdir -p "$out/os$(dirname "$lib")"
  cp -L "$lib" "$out/os$lib"
done

# The image's user (numeric in the image config; named here for the tools that look it up, and for
# getpwuid). Its home is /tmp: with a read-only root file system it is the one writable place.
cat >"$out/os/etc/passwd" <<EOF
root:x:0:0:root:/root:/sbin/nologin
$user:x:$uid:$gid:ops-journal:/tmp:/sbin/nologin
EOF
cat >"$out/os/etc/group" <<EOF
root:x:0:
$user:x:$gid:
EOF
cat >"$out/os/etc/nsswitch.conf" <<EOF
passwd: files
group: files
hosts: files dns
EOF
# replaced by the container runtime's own; here for a plain chroot
cat >"$out/os/etc/hosts" <<EOF
127.0.0.1 localhost
::1 localhost ip6-localhost ip6-loopback
EOF

echo "rootfs.sh: runtime $(du -sh "$out/jre" | cut -f1) ($modules), libraries: $(echo $libs)"
