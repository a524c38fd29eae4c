"""Opens one OGC API Features collection in QGIS (the OAPIF provider, headless) and prints what QGIS saw as JSON.

    /usr/bin/python3 oapif_layer.py --url http://HOST/ogc --collection wijken --key API_KEY [--crs EPSG:28992] [--code WK01]

The API key goes in a QGIS Basic authentication configuration (any user name, the key as password), as a GIS analyst
sets it up. QGIS reports errors to its message log, not to the layer, so the log is printed too.
"""
import argparse
import json
import os
import shutil
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (Qgis, QgsApplication, QgsAuthMethodConfig, QgsCoordinateReferenceSystem,  # noqa: E402
                       QgsCoordinateTransform, QgsProject, QgsVectorLayer)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--collection", required=True)
    parser.add_argument("--key")
    parser.add_argument("--user", default="qgis")
    parser.add_argument("--crs", help="ask for this CRS (srsname); QGIS before 3.28 always reads CRS84")
    parser.add_argument("--code", help="report the geometry of the feature with this code")
    args = parser.parse_args()

    profile = tempfile.mkdtemp(prefix="qgis-profile-")
    app = QgsApplication([], False, profile)
    app.setPrefixPath("/usr", True)
    app.initQgis()
    log = []
    QgsApplication.messageLog().messageReceived.connect(
        lambda message, tag, level: log.append({"tag": tag, "level": int(level), "message": message}))

    uri = f"url='{args.url}' typename='{args.collection}'"
    if args.key is not None:
        auth = QgsApplication.authManager()
        auth.setMasterPassword("geohandhaving-test", True)
        config = QgsAuthMethodConfig("Basic")
        config.setName("GeoHandhaving")
        config.setConfig("username", args.user)
        config.setConfig("password", args.key)
        auth.storeAuthenticationConfig(config)
        uri += f" authcfg='{config.id()}'"
    if args.crs:
        uri += f" srsname='{args.crs}'"

    report = {"qgisVersion": Qgis.version(), "log": log}
    report.update(_read(QgsVectorLayer(uri, args.collection, "OAPIF"), args.code))
    # The message log delivers through the event loop.
    QgsApplication.processEvents()
    print(json.dumps(report), flush=True)
    app.exitQgis()
    shutil.rmtree(profile, ignore_errors=True)


def _read(layer, code):
    """What the layer shows; the layer dies with this function, before exitQgis (else QGIS 3.22 crashes on exit)."""
    report = {"valid": layer.isValid()}
    if layer.isValid():
        features = list(layer.getFeatures())
        report.update({
            "layerCrs": layer.crs().authid(),
            "featureCount": layer.featureCount(),
            "features": len(features),
            "fields": [{"name": f.name(), "type": f.typeName()} for f in layer.fields()],
            "geometryType": layer.geometryType(),
            "capabilities": layer.dataProvider().capabilitiesString(),
        })
        if code:
            match = next((f for f in features if f["code"] == code), None)
            if match is not None:
                geometry = match.geometry()
                rd = QgsCoordinateReferenceSystem("EPSG:28992")
                in_rd = geometry if layer.crs() == rd else _transformed(geometry, layer.crs(), rd)
                report["feature"] = {
                    "attributes": {f.name(): _plain(match[f.name()]) for f in layer.fields()},
                    "wkt": geometry.asWkt(7),
                    "rdWkt": in_rd.asWkt(3),
                    "rdArea": in_rd.area(),
                }
    return report


def _transformed(geometry, source, target):
    copy = type(geometry)(geometry)
    copy.transform(QgsCoordinateTransform(source, target, QgsProject.instance()))
    return copy


def _plain(value):
    if hasattr(value, "toString") and not isinstance(value, str):
        return value.toString("yyyy-MM-ddTHH:mm:ss")
    return None if value is None or (hasattr(value, "isNull") and value.isNull()) else value


if __name__ == "__main__":
    sys.exit(main())
