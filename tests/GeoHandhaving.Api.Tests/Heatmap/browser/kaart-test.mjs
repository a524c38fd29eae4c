// Opens the map page in the system Chromium, signs in (the local development page, or the OpenID Provider's login form),
// moves the hour slider to 08:00 and 23:00, picks a window and a start date, clicks a hotspot and a wijk, and reports
// what happened as JSON ("kort": stop after the first rendered map):
//   node kaart-test.mjs BASE_URL '{"lokaal":{"gemeente":"GM9999","rol":"planner"}}' SCREENSHOT.png
//   node kaart-test.mjs BASE_URL '{"oidc":{"login":"planner"}}' SCREENSHOT.png kort
import { chromium } from 'playwright-core';

const [baseUrl, signIn, screenshot, mode] = process.argv.slice(2);
const aanmelding = JSON.parse(signIn);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  // No GPU here: WebGL comes from SwiftShader, which Chromium only allows for WebGL when asked explicitly.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
const report = { tileRequests: [], errors: [], nonBackgroundPixels: {}, heatmapCellen: {}, aanmeldPagina: null, storage: null };
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 650 } });
  page.on('pageerror', (error) => report.errors.push(String(error)));
  page.on('requestfinished', async (request) => {
    if (!request.url().includes('/api/v1/tiles/')) return;
    const response = await request.response();
    report.tileRequests.push({ url: request.url(), authorization: request.headers().authorization ?? null, status: response?.status() });
  });
  // Until the page has made its map, window.kaart is the element with id "kaart" (browsers name elements by id).
  const rendered = () => page.waitForFunction(
    () => typeof window.kaart?.getSource === 'function' && window.kaart.getSource('heatmap') && window.kaart.loaded(),
    null, { timeout: 30_000, polling: 100 });
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

  // The rendered heatmap cells as text (count per cell, in order): what the planner sees change with the hour.
  const heatmapCells = () => page.evaluate(() => JSON.stringify(window.kaart.queryRenderedFeatures({ layers: ['heatmap'] })
    .map((f) => `${f.properties.count}`).sort()));
  const showHour = async (hour) => {
    await page.locator('#uur').fill(String(hour));
    await page.waitForFunction((h) => document.getElementById('uur-tekst').value.startsWith(`${h}:`), hour);
    await page.waitForTimeout(300);
    await rendered();
    report.nonBackgroundPixels[`uur${hour}`] = await countPixels();
    report.heatmapCellen[`uur${hour}`] = await heatmapCells();
  };

  // Opening the map without a session leads to the sign-in page and, once signed in, back to the map.
  await page.goto(`${baseUrl}/kaart?test`);
  report.aanmeldPagina = page.url();
  if (aanmelding.lokaal) {
    report.ontwikkelingTekst = await page.locator('#ontwikkeling').textContent();
    await page.selectOption('#gemeente', aanmelding.lokaal.gemeente);
    await page.selectOption('#rol', aanmelding.lokaal.rol);
    await page.click('#aanmelden');
  } else {
    await page.fill('input[name=login]', aanmelding.oidc.login);
    await page.fill('input[name=password]', 'test');
    await page.click('button[type=submit]');
  }
  await page.waitForURL((url) => url.pathname === '/kaart', { timeout: 30_000 });
  await rendered();
  report.nonBackgroundPixels.alle = await countPixels();
  report.gebruiker = await page.locator('#gebruiker').textContent();
  // Nothing of the session is readable by the page: no token in storage, the cookie is HttpOnly.
  report.storage = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));
  report.cookies = (await page.context().cookies()).filter((c) => c.name === 'geoh_sessie')
    .map((c) => ({ httpOnly: c.httpOnly, sameSite: c.sameSite, length: c.value.length }));
  if (mode === 'kort') {
    await page.screenshot({ path: screenshot });
    throw 'kort';
  }
  await showHour(8);
  await showHour(23);
  report.uurTekst = await page.locator('#uur-tekst').textContent();
  report.hotspotsZichtbaarZonderVenster = await page.evaluate(() => window.kaart.getLayoutProperty('hotspots', 'visibility') !== 'none');
  await page.screenshot({ path: screenshot });

  // A named window and a period: both reach the tile URLs.
  await page.locator('#uur').fill('-1'); // all hours again: schoolbrengen and 23:00 share no meldingen
  await page.selectOption('#venster', 'schoolbrengen');
  await page.fill('#van', '2026-01-01');
  await page.waitForTimeout(300);
  await rendered();
  report.vensters = await page.locator('#venster option').evaluateAll((options) => options.map((o) => o.value));
  report.hotspotVensterTekst = await page.locator('#hotspot-venster').textContent();

  // Click a hotspot, then a spot of a wijk where no hotspot lies: each opens its own popup.
  const clickAt = async (layer) => {
    const point = await page.evaluate((layer) => {
      const map = window.kaart;
      const box = map.getCanvas().getBoundingClientRect();
      for (const feature of map.queryRenderedFeatures({ layers: [layer] })) {
        const ring = feature.geometry.type === 'Polygon' ? feature.geometry.coordinates[0] : feature.geometry.coordinates[0][0];
        const lons = ring.map((c) => c[0]), lats = ring.map((c) => c[1]);
        for (const fx of [0.5, 0.3, 0.7, 0.1, 0.9]) {
          for (const fy of [0.5, 0.3, 0.7, 0.1, 0.9]) {
            const p = map.project([Math.min(...lons) + (Math.max(...lons) - Math.min(...lons)) * fx, Math.min(...lats) + (Math.max(...lats) - Math.min(...lats)) * fy]);
            if (p.x < 300 || p.x > box.width || p.y < 0 || p.y > box.height) continue; // off the map or under the panel
            const top = map.queryRenderedFeatures(p, { layers: ['hotspots-vlak', 'wijken-vlak'] });
            // The page opens the hotspot's popup when there is one under the click, else the wijk's.
            const opens = top.some((f) => f.layer.id === 'hotspots-vlak') ? 'hotspots-vlak' : top[0]?.layer.id;
            if (opens === layer) return { x: box.left + p.x, y: box.top + p.y };
          }
        }
      }
      return null;
    }, layer);
    if (!point) return null;
    await page.mouse.click(point.x, point.y);
    const popup = page.locator('.maplibregl-popup-content');
    await popup.waitFor({ timeout: 5_000 });
    const text = await popup.textContent();
    await page.locator('.maplibregl-popup-close-button').click();
    return text;
  };
  report.hotspotPopup = await clickAt('hotspots-vlak');
  report.wijkPopup = await clickAt('wijken-vlak');

} catch (error) {
  if (error !== 'kort') report.errors.push(String(error));
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
