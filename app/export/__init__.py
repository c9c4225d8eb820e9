"""Export a journey map: PDF posters (reportlab), PNG/SVG (QPainter), CSV and JSON."""
