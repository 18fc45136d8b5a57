"""atkg: a knowledge graph of Azerbaijan's National Action Plan against trafficking in human beings 2020-2024.

The version is the installed distribution's (`atkg --version`, importlib.metadata), read only when asked.
"""
