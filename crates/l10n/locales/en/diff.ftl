# tiaoli diff: the report of what a change does to the law (terminal and Markdown).
# Texts, citations, names and the values before and after stay as they are: they quote the law or its encoding.
diff-report-heading = Comparing { $versions }
diff-report-none = No difference: the two versions say the same.
diff-report-units-none = No unit's verdict changes.
diff-report-ordinance = ■ { $id } { $title }   { $count } { $count ->
    [one] change
   *[other] changes
    }
diff-report-change = [{ $kind }] { $what }
diff-report-wording = text: “{ $text }”
diff-report-units = ■ Verdicts that change   { $count }
diff-report-verdict = { $ordinance } { $cite } ({ $name }): { $old } → { $new }
diff-report-total = In all: { $summary }
diff-report-count = { $kind } { $count }
diff-report-count-sep = { ", " }
diff-side-old = old
diff-side-new = new
diff-side-label = { $side }:{ " " }
diff-place-named = { $cite } ({ $name })
diff-statement-field = { $field }: { $values }
diff-statement-gap = { "  " }
diff-run-renumbered = { $old_first } to { $old_last } → { $new_first } to { $new_last } (renumbered in sequence)
diff-run-terms = { $field } ({ $count }): { $names }
diff-verdict-none = (not applicable)
diff-verdict-due = , due { $due }
diff-verdict-sanctions = , { $sanctions }
diff-lexicon-title = vocabulary
# Markdown (a pull-request comment).
diff-md-summary-header = | change | code | count |
diff-md-fold-changes = { $count } { $count ->
    [one] change
   *[other] changes
    } (expand)
diff-md-units-title = Verdicts that change
diff-md-units-none = No change.
diff-md-fold-units = { $count } { $count ->
    [one] verdict
   *[other] verdicts
    } (expand)
diff-md-units-header = | unit | ordinance | provision | norm | old | new |
diff-md-omitted = > The report would exceed a comment's length limit; not listed:{ " " }
diff-md-omitted-end = . The full result: `--format json`.
# The kinds of change (codes in docs/ci.md).
diff-kind-ordinance-added = ordinance added
diff-kind-ordinance-removed = ordinance removed
diff-kind-status-changed = status changed
diff-kind-date-changed = date changed
diff-kind-header-changed = header changed
diff-kind-chapter-added = chapter added
diff-kind-chapter-removed = chapter removed
diff-kind-chapter-retitled = chapter retitled
diff-kind-article-added = article added
diff-kind-article-removed = article removed
diff-kind-article-renumbered = article renumbered
diff-kind-article-moved = article moved
diff-kind-article-merged = articles merged
diff-kind-article-split = article split
diff-kind-provision-renumbered = paragraph or item renumbered
diff-kind-wording-changed = wording changed (norms unchanged)
diff-kind-text-changed = article changed
diff-kind-norm-added = norm added
diff-kind-norm-removed = norm removed
diff-kind-modality-strengthened = modality strengthened
diff-kind-modality-weakened = modality weakened
diff-kind-modality-changed = modality changed
diff-kind-subjects-widened = subjects widened
diff-kind-subjects-narrowed = subjects narrowed
diff-kind-subjects-changed = subjects changed
diff-kind-action-changed = action changed
diff-kind-trigger-changed = trigger changed
diff-kind-recipients-changed = recipients changed
diff-kind-condition-changed = condition changed
diff-kind-priority-changed = priority changed
diff-kind-deadline-added = deadline added
diff-kind-deadline-removed = deadline removed
diff-kind-deadline-shortened = deadline shortened
diff-kind-deadline-lengthened = deadline lengthened
diff-kind-deadline-made-vague = deadline made vague
diff-kind-deadline-made-precise = deadline made precise
diff-kind-deadline-changed = deadline changed
diff-kind-window-added = permission's period added
diff-kind-window-removed = permission's period removed
diff-kind-window-shortened = permission's period shortened
diff-kind-window-lengthened = permission's period lengthened
diff-kind-consequence-added = consequence added
diff-kind-consequence-removed = consequence removed
diff-kind-sanction-added = measure added
diff-kind-sanction-removed = measure removed
diff-kind-sanction-escalated = measure made heavier
diff-kind-sanction-softened = measure made lighter
diff-kind-sanction-changed = measure changed
diff-kind-authority-changed = authority changed
diff-kind-targets-changed = targets changed
diff-kind-encoding-stale = text and encoding out of step
diff-kind-term-added = term added
diff-kind-term-removed = term removed
diff-kind-term-changed = term changed
diff-kind-verdict-changed = verdict changed
# The fields a change records (Chinese in the JSON, as data).
diff-field-status = status
diff-field-adopted = adopted
diff-field-approved = approved
diff-field-in-force = in force
diff-field-repealed-on = repealed on
diff-field-id = ordinance id
diff-field-title = title
diff-field-instrument = instrument
diff-field-jurisdiction = jurisdiction
diff-field-level = level
diff-field-self-name = calls itself
diff-field-repeals = repeals
diff-field-chapter = chapter
diff-field-text-only = text (encoding unchanged)
diff-field-text-and-encoding = text and encoding
diff-field-provision = paragraph or item
diff-field-norm = norm
diff-field-modality = modality
diff-field-subjects = subjects
diff-field-action = action
diff-field-trigger = trigger
diff-field-recipients = to
diff-field-condition = condition
diff-field-priority = priority
diff-field-deadline = deadline
diff-field-consequence = consequence
diff-field-applies-to = applies to
diff-field-grounds = grounds
diff-field-measure = measure
diff-field-rank = rank
diff-field-measure-modality = measure's modality
diff-field-authority = by
diff-field-targets = against
diff-field-actor-kind = actor kind
diff-field-role = role
diff-field-person = person
diff-field-fact = fact
diff-field-event = event
diff-field-sanction = measure
