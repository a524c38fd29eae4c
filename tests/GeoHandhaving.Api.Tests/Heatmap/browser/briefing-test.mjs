// Opens a saved HTML briefing in the system Chromium, checks per wijk that its map holds the numbered hotspots of its
// list (drawn inside the map), prints it to PDF and a PNG, and reports what it found as JSON:
//   node briefing-test.mjs BRIEFING.html OUT.pdf OUT.png
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const [htmlFile, pdf, png] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const report = { errors: [], requests: [], wijken: [] };
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  page.on('pageerror', (error) => report.errors.push(String(error)));
  page.on('request', (request) => { if (!request.url().startsWith('file:')) report.requests.push(request.url()); });
  await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
  report.title = await page.title();
  report.text = await page.evaluate(() => document.body.innerText);
  report.wijken = await page.evaluate(() => [...document.querySelectorAll('section.wijk')].map((section) => {
    const svg = section.querySelector('svg.kaart');
    const box = svg?.getBoundingClientRect();
    const inside = (r) => box && r.width > 0 && r.height > 0 && r.left >= box.left - 1 && r.right <= box.right + 1
      && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    return {
      wijk: section.dataset.wijk,
      kaart: Boolean(svg),
      kaartBreedte: box?.width ?? 0,
      lijst: [...section.querySelectorAll('table.plaatsen tr[data-nummer]')].map((tr) => Number(tr.dataset.nummer)),
      opKaart: [...(svg?.querySelectorAll('g.hotspot') ?? [])].map((g) => ({
        nummer: Number(g.dataset.nummer), tekst: g.textContent, zichtbaar: inside(g.getBoundingClientRect()),
      })),
      scholen: svg?.querySelectorAll('g.school').length ?? 0,
      schoolNamen: [...(svg?.querySelectorAll('g.school text') ?? [])].map((t) => ({
        naam: t.textContent, zichtbaar: inside(t.getBoundingClientRect()),
        rand: ((r) => [r.left - box.left, box.right - r.right, r.top - box.top, box.bottom - r.bottom].map(Math.round))(t.getBoundingClientRect()),
      })),
      schaalbalk: svg?.querySelector('g.schaalbalk')?.textContent ?? null,
      wijkOmtrek: Boolean(svg?.querySelector('path.wijk')),
    };
  }));
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  await page.screenshot({ path: png, fullPage: true });
} catch (error) {
  report.errors.push(String(error));
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
