# Evaluation: why an ordinance does not apply, authorities and recipients, statuses.
skip-outside = outside its jurisdiction ({ $jurisdiction })
skip-draft = still a draft ({ $status }): binds no one; evaluate it with --drafts
skip-repealed = repealed
skip-repealed-on = repealed on { $date }
skip-not-yet = not yet in force (from { $date })

relation-same = same level
relation-upper = next level up
body-self = { $unit } (the unit itself)
body-lower = { $term } of the level below
body-at-level = { $term } of the { $level } level
authority-open = left open by the text ({ $why }; it would be { $would_be })
authority-why-no-level = the unit's level is not given, so which level's body is meant cannot be told
authority-why-level-not-named = the text names the { $term } of the { $levels } levels only, not of the { $level } level
authority-why-kind-not-at-level = a { $term } exists at the { $levels } level only, not at the { $level } level
authority-none = (the text names no authority)

status-violated = violated
status-violated-prohibition = violated (a prohibited act was done)
status-triggered = consequence triggered
status-pending = pending
status-unknown = undetermined
status-fulfilled = fulfilled
status-fulfilled-prohibition = complied with (no prohibited act)
status-not-triggered = not triggered
status-overridden = displaced by a prevailing norm
status-permitted = permitted
status-encouraged = encouraged (not binding)
status-lapsed = period passed
status-expired = measures' periods over

missing-judgement = judgement: whether the { $events } events fell within a short time (the text gives no period)
calendar-error = calendar { $file }: { $message }
calendar-help = a calendar lists, per year, `rest` days and `work` days as YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD
calendar-line = line { $line }: { $message }
calendar-not-a-date = { $year }: “{ $item }” is not a date or a range of dates
calendar-implausible = { $year }: “{ $item }” is not a plausible holiday range (first day first, at most 31 days)
calendar-both = { $date } is listed both as a rest day and as a working day
calendar-too-long = { $date }: more than { $max } rest days in a row; no schedule has such a holiday
