# The command line: errors and notes every command shares.
cli-error = error: { $message }
