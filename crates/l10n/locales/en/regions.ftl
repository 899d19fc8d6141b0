# Regions, recognised against the gazetteer (rules/regions/).
region-empty = the region is empty
region-unknown = “{ $part }” is not a known administrative division
region-unknown-under = “{ $part }” is not a division of county level or above under { $parent }
region-help-path = write the region from the province or prefecture down, levels separated by “/”, e.g. 海东市/平安区, or as a full address such as 青海省海东市化隆回族自治县; townships, sub-districts and villages come after the county
region-help-children = { $parent } has: { $children }
region-ambiguous = “{ $region }” may be { $places }
