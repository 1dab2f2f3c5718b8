"""communique: news in, event data out (PLOVER/CAMEO events, actors, quotes, times, places).

    >>> from communique import Pipeline, InputRecord
    >>> doc = Pipeline().run(InputRecord(id="x", text="Russia and China signed a trade deal on Monday."))
"""
from .errors import CommuniqueError, DocumentError, InputError
from .pipeline import Pipeline, Resources, load_resources
from .schema import Document, InputRecord

__version__ = "0.1.0"
__all__ = ["Pipeline", "Resources", "load_resources", "Document", "InputRecord",
           "CommuniqueError", "DocumentError", "InputError", "__version__"]
