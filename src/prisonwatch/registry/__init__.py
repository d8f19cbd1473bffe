"""From proposals to a trusted registry: claims, resolution, review, timelines, counts, deals."""
