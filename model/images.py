"""Persona photos: untrusted image files checked and shrunk by Pillow before they are stored."""

from __future__ import annotations

import io
import warnings

# Decoders Pillow may use; anything else (EPS, PSD, ICNS, ...) is refused unread.
ALLOWED_FORMATS = ("PNG", "JPEG", "WEBP", "GIF")
MAX_FILE_BYTES = 40 * 1024 * 1024
# 6000 x 6000: any real photo, far below a decompression bomb's billions of pixels.
MAX_PIXELS = 36_000_000
PHOTO_SIZE = 512  # longest side of a stored photo, in pixels


class PhotoError(ValueError):
    """A file that cannot be a persona photo; the message is for the user."""


def prepare_photo(data: bytes) -> bytes:
    """Check an image file and return it downscaled to PHOTO_SIZE (PNG, or JPEG for photos).

    Only PNG/JPEG/WebP/GIF are decoded; the pixel count is checked from the header
    before any pixel is decoded, so a decompression bomb is refused without the memory
    or time it asks for. Truncated or damaged files are refused, never half-loaded.
    """
    # Pillow is imported when a photo is first checked, not when the editor starts.
    from PIL import Image, ImageOps, UnidentifiedImageError

    if len(data) > MAX_FILE_BYTES:
        raise PhotoError(f"The file is too large for a photo ({len(data) // 2**20} MB; "
                         f"at most {MAX_FILE_BYTES // 2**20} MB).")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS) as image:
                width, height = image.size
                if width < 1 or height < 1 or width * height > MAX_PIXELS:
                    raise PhotoError(
                        f"The image is {width} x {height} pixels, more than a photo can "
                        f"have ({MAX_PIXELS // 1_000_000} million pixels at most)."
                    )
                image.seek(0)  # first frame of an animation
                image.load()
                picture = ImageOps.exif_transpose(image) or image
                has_alpha = picture.mode in ("RGBA", "LA", "PA") or (
                    picture.mode == "P" and "transparency" in picture.info
                )
                picture = picture.convert("RGBA" if has_alpha else "RGB")
    except PhotoError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise PhotoError("The image has far too many pixels (a decompression bomb?).") from exc
    except UnidentifiedImageError as exc:
        raise PhotoError("The file is not a PNG, JPEG, WebP or GIF image.") from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise PhotoError(f"The image is damaged or truncated ({exc}).") from exc
    picture.thumbnail((PHOTO_SIZE, PHOTO_SIZE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if has_alpha:
        picture.save(out, format="PNG", optimize=True)
    else:
        picture.save(out, format="JPEG", quality=88)
    return out.getvalue()
