"""The secretm Lambda layer, built as a reader builds it."""

import subprocess
import zipfile

from tests.support.paths import ROOT
from tests.support.shared import shared_fixture
from tests.support.untraced import untraced


@shared_fixture
def secretm_layer_zip() -> zipfile.ZipFile:
    """dist/secretm-layer.zip, built by `make layer`."""
    subprocess.run(
        ["make", "--silent", "layer"], cwd=ROOT, env=untraced(), check=True
    )
    return zipfile.ZipFile(ROOT / "dist" / "secretm-layer.zip")
