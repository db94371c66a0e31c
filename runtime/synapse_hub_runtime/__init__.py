"""The synapse-hub runtime: runs a plugin action and reports it to the hub (DESIGN.md §3).

Standard library only, Python >= 3.10. Plugins import nothing from here unless they want the
`BaseAction` helper; moving a plugin onto the Synapse SDK later is a change of imports.
"""

from .action import BaseAction
from .params import Params

__all__ = ["BaseAction", "Params"]
__version__ = "1.0.0"
