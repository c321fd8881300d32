"""QR codes of the site's own pages, drawn on the server as inline SVG (segno): no image service, nothing external."""

import segno

# The quiet zone the QR standard asks for (4 modules): without it, phone cameras often miss the code.
QUIET_ZONE = 4


def qr_svg(text: str, *, label: str) -> str:
    """An inline <svg> QR code of text, named by label for screen readers; sized by CSS, no inline style."""
    code = segno.make(text, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=QUIET_ZONE, omitsize=True, title=label, svgclass="qr", lineclass=None,
                          dark="#000", light="#fff")
    # role="img" makes the <title> its accessible name; segno escapes the title's text.
    return svg.replace("<svg ", '<svg role="img" focusable="false" ', 1)
