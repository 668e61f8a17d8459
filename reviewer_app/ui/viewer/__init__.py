"""The document viewer: decoding ahead on a worker, thumbnails, a large view, compare."""
