"""The documents that ship with study (the default is the speech on conduct)."""
