# 地区（region）：按行政区划表（rules/regions/）识别。
region-empty = 地区为空
region-unknown = “{ $part }”不是已知的行政区划
region-unknown-under = “{ $part }”不是{ $parent }下辖的县级以上行政区划
region-help-path = 地区自省或地级市写起，层级之间用“/”分隔，例如 海东市/平安区；也可以写完整地址，如 青海省海东市化隆回族自治县。县级以下的乡镇、街道、村写在县级之后
region-help-children = { $parent }下辖：{ $children }
region-ambiguous = “{ $region }”可指：{ $places }
