package dev.opsjournal.core.resource;

import dev.opsjournal.core.JournalPolicy;
import dev.opsjournal.core.JournalPolicy.TrackingMethod;
import dev.opsjournal.core.ResourceKey;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Argo CD's resource tracking off an object, the way Argo CD does.
 *
 * <p>The tracking-id is {@code <app>:<group>/<kind>:<namespace>/<name>}, where {@code <app>} may be
 * {@code <appNamespace>_<app>} for an Application outside the control-plane namespace. A
 * tracking-id that does not name the object it sits on (copied with a manifest, say) is ignored.
 */
public final class Tracking {

  private Tracking() {}

  public static Optional<Claim> ownerOf(
      ResourceKey resource,
      Map<String, String> labels,
      Map<String, String> annotations,
      JournalPolicy policy) {
    TrackingMethod method = policy.trackingMethod();
    if (method != TrackingMethod.LABEL) {
      return Optional.ofNullable(annotations.get(JournalPolicy.TRACKING_ID))
          .flatMap(id -> parseTrackingId(id, resource, policy))
          .map(app -> new Claim(app, TrackingMethod.ANNOTATION));
    }
    return Optional.ofNullable(labels.get(policy.instanceLabelKey()))
        .filter(name -> !name.isBlank())
        .map(name -> new Claim(applicationRef(name, policy), TrackingMethod.LABEL));
  }

  /** The {@code namespace/name} of the Application a valid, self-referencing tracking-id names. */
  static Optional<String> parseTrackingId(String id, ResourceKey resource, JournalPolicy policy) {
    String[] parts = id.strip().split(":", -1);
    if (parts.length != 3 || parts[0].isEmpty()) {
      return Optional.empty();
    }
    String[] groupKind = parts[1].split("/", -1);
    String[] namespaceName = parts[2].split("/", -1);
    if (groupKind.length != 2 || namespaceName.length != 2) {
      return Optional.empty();
    }
    boolean selfReferencing =
        groupKind[0].equals(resource.group())
            && groupKind[1].equals(resource.kind())
            && namespaceName[0].equals(resource.namespace())
            && namespaceName[1].equals(resource.name());
    return selfReferencing ? Optional.of(applicationRef(parts[0], policy)) : Optional.empty();
  }

  /** {@code <appNs>_<app>} or {@code <app>} (in the control-plane namespace) as {@code ns/name}. */
  static String applicationRef(String trackedName, JournalPolicy policy) {
    int underscore = trackedName.indexOf('_');
    return underscore > 0
        ? trackedName.substring(0, underscore) + "/" + trackedName.substring(underscore + 1)
        : policy.controlPlaneNamespace() + "/" + trackedName;
  }
}
