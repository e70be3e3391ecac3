-- Git as Argo CD saw it (issue 11). Each Application's report that the repo-server could not read
-- its repository (a ComparisonError that is a Git error), raised to cleared; and, per cluster and
-- repository, the outage they make together: from the first Application reporting it to the last
-- one clearing it. Argo CD's view can differ from the Git collector's (outage kind git-source):
-- another network path, other credentials, a repo-server cache, the 180 s grace period.

create table git_error_report (
    cluster     text        not null,
    application text        not null, -- <namespace>/<name>
    repo        text        not null, -- RepositoryIdentity of repo_url
    repo_url    text        not null, -- as the Application spells it, without credentials
    failure     text        not null, -- GitFailure slug, e.g. connection-refused
    message     text        not null, -- the ComparisonError's message, without credentials
    raised_at   timestamptz not null,
    cleared_at  timestamptz,
    primary key (cluster, application, raised_at)
);
create index git_error_report_repo on git_error_report (cluster, repo, raised_at);

-- Overlapping (or touching) reports of one repository are one outage (gaps and islands): a report
-- opens a new outage when it starts after every earlier report of that repository has cleared.
-- Its failure, message and spelling of the URL are the first report's.
create view git_outage_seen_by_argo_cd as
with report as (
    select r.*,
           max(coalesce(r.cleared_at, 'infinity'::timestamptz)) over (
               partition by r.cluster, r.repo order by r.raised_at, r.application
               rows between unbounded preceding and 1 preceding) as earlier_until
      from git_error_report r
), island as (
    select r.*,
           sum(case when r.earlier_until is null or r.earlier_until < r.raised_at then 1 else 0 end)
               over (partition by r.cluster, r.repo order by r.raised_at, r.application) as outage
      from report r
)
select cluster,
       repo,
       (array_agg(repo_url order by raised_at, application))[1] as repo_url,
       (array_agg(failure order by raised_at, application))[1] as failure,
       (array_agg(message order by raised_at, application))[1] as message,
       min(raised_at) as started_at,
       case when bool_or(cleared_at is null) then null else max(cleared_at) end as ended_at,
       array_agg(distinct application order by application) as applications
  from island
 group by cluster, repo, outage;

-- The alert ARGO_CD_GIT_UNAVAILABLE is about a repository, reported by Applications one by one: it
-- fires with the first reporter and resolves when the last one has cleared. Alerts' state, like
-- V3's tables: no projection, never reset.
create table alert_reporter (
    alert_id text not null references alert (id),
    reporter text not null,
    primary key (alert_id, reporter)
);
