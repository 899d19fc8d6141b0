# Words shared by every part.
did-you-mean = did you mean “{ $name }”?
list-sep = { ", " }
or-sep = { " " }or{ " " }
io-error = { $kind ->
    [storage-full] the disk is full
    [permission-denied] permission denied
    [not-found] not found
    [broken-pipe] the pipe is closed
    [read-only] read-only file system
    [is-a-directory] is a directory
    [already-exists] already exists
   *[other] input/output error
    }: { $error }
