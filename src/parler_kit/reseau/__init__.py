"""The network's view: several sessions' bilans added up, with no name, and the BPF's figures.

`session_bilan` builds one session's bilan from its folder (the report's own code);
`network_bilan` adds the bilans up; `write_network_bilan` prints them with one chart per figure.
"""

from parler_kit.reseau.aggregate import NetworkBilan, network_bilan, suppressed
from parler_kit.reseau.folder import session_bilan
from parler_kit.reseau.render import network_html, write_network_bilan

__all__ = [
    "NetworkBilan",
    "network_bilan",
    "network_html",
    "session_bilan",
    "suppressed",
    "write_network_bilan",
]
