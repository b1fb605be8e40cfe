"""Claims to a signed alignment graph: balance, camps, frustration, sides."""
