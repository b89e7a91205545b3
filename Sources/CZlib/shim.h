#ifndef HOSHIN_CZLIB_SHIM_H
#define HOSHIN_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro; raw deflate (no zlib header), as ZIP stores it.
static inline int hoshin_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -15);
}
#endif
