// Opens the map page in the system Chromium, sets the token, moves the hour slider, clicks a hotspot and a wijk, picks a
// window and a start date, and reports what happened as JSON:
//   node kaart-test.mjs BASE_URL TOKEN SCREENSHOT.png
import { chromium } from 'playwright-core';

const [baseUrl, token, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  // No GPU here: WebGL comes from SwiftShader, which Chromium only allows for WebGL when asked explicitly.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
const report = { tileRequests: [], errors: [], nonBackgroundPixels: { voor: 0, na: 0, venster: 0 } };
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 650 } });
  page.on('pageerror', (error) => report.errors.push(String(error)));
  page.on('requestfinished', async (request) => {
    if (!request.url().includes('/api/v1/tiles/')) return;
    const response = await request.response();
    report.tileRequests.push({ url: request.url(), authorization: request.headers().authorization ?? null, status: response?.status() });
  });
  const rendered = () => page.waitForFunction(() => window.kaart?.getSource('heatmap') && window.kaart.loaded(), null, { timeout: 30_000, polling: 100 });
  // Pixels that differ from the page's background colour (#f4f4f0): the heatmap, wijk and hotspot outlines.
  const countPixels = () => page.evaluate(() => {
    const map = window.kaart.getCanvas();
    const copy = Object.assign(document.createElement('canvas'), { width: map.width, height: map.height });
    const context = copy.getContext('2d');
    context.drawImage(map, 0, 0);
    const data = context.getImageData(0, 0, copy.width, copy.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - 0xf4) + Math.abs(data[i + 1] - 0xf4) + Math.abs(data[i + 2] - 0xf0) > 40) count++;
    }
    return count;
  });

  await page.goto(`${baseUrl}/kaart?test`);
  await page.fill('#token', token);
  await page.click('#token-opslaan');
  await rendered();
  report.nonBackgroundPixels.voor = await countPixels();

  await page.locator('#uur').fill('8');
  await page.waitForFunction(() => document.getElementById('uur-tekst').value.startsWith('8:'));
  await page.waitForTimeout(300);
  await rendered();
  report.nonBackgroundPixels.na = await countPixels();
  report.uurTekst = await page.locator('#uur-tekst').textContent();

  // Click a hotspot, then a spot in the wijk away from it: each opens its popup.
  const clickAt = async (layer, pick) => {
    const point = await page.evaluate(([layer, pick]) => {
      const feature = window.kaart.queryRenderedFeatures({ layers: [layer] })[0];
      if (!feature) return null;
      const ring = feature.geometry.type === 'Polygon' ? feature.geometry.coordinates[0] : feature.geometry.coordinates[0][0];
      const lons = ring.map((c) => c[0]), lats = ring.map((c) => c[1]);
      const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
      // pick = 0.5: the middle of the feature; 0.9: near its north-east corner.
      const p = window.kaart.project([minLon + (maxLon - minLon) * pick, minLat + (maxLat - minLat) * pick]);
      const box = window.kaart.getCanvas().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, [layer, pick]);
    if (!point) return null;
    await page.mouse.click(point.x, point.y);
    const popup = page.locator('.maplibregl-popup-content');
    await popup.waitFor({ timeout: 5_000 });
    const text = await popup.textContent();
    await page.locator('.maplibregl-popup-close-button').click();
    return text;
  };
  report.hotspotPopup = await clickAt('hotspots-vlak', 0.5);
  report.wijkPopup = await clickAt('wijken-vlak', 0.9);

  // A named window and a period: both reach the tile URLs.
  await page.selectOption('#venster', 'schoolbrengen');
  await page.fill('#van', '2026-10-01');
  await page.waitForTimeout(300);
  await rendered();
  report.vensters = await page.locator('#venster option').evaluateAll((options) => options.map((o) => o.value));
  report.nonBackgroundPixels.venster = await countPixels();
  await page.screenshot({ path: screenshot });
} catch (error) {
  report.errors.push(String(error));
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
