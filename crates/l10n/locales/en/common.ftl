# Words shared by every part.
did-you-mean = did you mean “{ $name }”?
list-sep = { ", " }
or-sep = { " " }or{ " " }
