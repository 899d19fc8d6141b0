# Errors in facts files.
facts-level-not-of-kind = a { $kind } exists at level { $levels } only, not at “{ $level }”
