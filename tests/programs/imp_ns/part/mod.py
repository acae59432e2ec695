NS_VALUE = "ns"
