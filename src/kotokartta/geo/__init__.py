"""Geography for the public guide: municipal borders drawn as inline SVG maps.

Plain Python, no Django: `kotokartta.geo.svgmap` reads the GeoJSON in `data/geo/` and
renders maps the guide's templates embed. The data's licence asks for the attribution
"© Maanmittauslaitos, CC BY 4.0" wherever a map is shown (see `data/geo/NOTICE.md`).
"""
