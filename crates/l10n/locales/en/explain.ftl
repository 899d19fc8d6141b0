# tiaoli explain: the explanation of one article for one unit.
