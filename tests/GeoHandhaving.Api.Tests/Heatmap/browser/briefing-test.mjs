// Opens a saved HTML briefing in the system Chromium, checks per wijk that its map holds the numbered hotspots of its
// list (drawn inside the map) and that no school label, as rendered (getBBox), covers a marker, another label or the
// map's edge; lays the page out for A4 print; prints it to PDF and a PNG, and reports what it found as JSON:
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
    // In the map's own units: each school label's rendered box against the markers, the other labels and the frame.
    const [, , width, height] = (svg?.getAttribute('viewBox') ?? '0 0 0 0').split(' ').map(Number);
    const markers = [...(svg?.querySelectorAll('g.hotspot circle') ?? [])].map((c) => ({
      nummer: c.parentElement.dataset.nummer, cx: c.cx.baseVal.value, cy: c.cy.baseVal.value,
      r: c.r.baseVal.value + Number(c.getAttribute('stroke-width')) / 2,
    }));
    const labels = [...(svg?.querySelectorAll('g.school text') ?? [])].map((t) => ({ tekst: t.textContent, b: t.getBBox() }));
    const botsingen = [];
    for (const [i, { tekst, b }] of labels.entries()) {
      if (b.x < 0 || b.y < 0 || b.x + b.width > width || b.y + b.height > height) botsingen.push(`'${tekst}' runs off the map`);
      for (const m of markers) {
        const dx = m.cx - Math.min(Math.max(m.cx, b.x), b.x + b.width);
        const dy = m.cy - Math.min(Math.max(m.cy, b.y), b.y + b.height);
        if (dx * dx + dy * dy < m.r * m.r) botsingen.push(`'${tekst}' covers marker ${m.nummer}`);
      }
      for (const { tekst: ander, b: o } of labels.slice(i + 1)) {
        if (b.x < o.x + o.width && o.x < b.x + b.width && b.y < o.y + o.height && o.y < b.y + b.height) {
          botsingen.push(`'${tekst}' covers '${ander}'`);
        }
      }
    }
    const legenda = section.querySelector('figcaption.legenda')?.textContent ?? '';
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
        naam: t.parentElement.dataset.naam, tekst: t.textContent, letter: t.classList.contains('letter'),
        zichtbaar: inside(t.getBoundingClientRect()),
        // A lettered school is named in the legend beneath the map.
        inLegenda: legenda.includes(`${t.textContent} ${t.parentElement.dataset.naam}`),
      })),
      botsingen,
      schaalbalk: svg?.querySelector('g.schaalbalk')?.textContent ?? null,
      wijkOmtrek: Boolean(svg?.querySelector('path.wijk')),
    };
  }));

  // Laid out as on A4 (210 × 297 mm less 12 mm margins, 96 px per inch): each wijk starts a page, and its map with the
  // list of places fits on one page, so that "break-inside: avoid" can keep them together.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: Math.floor((186 / 25.4) * 96), height: Math.floor((273 / 25.4) * 96) });
  report.druk = await page.evaluate(() => ({
    paginaHoogte: (273 / 25.4) * 96,
    wijken: [...document.querySelectorAll('section.wijk')].map((section, i) => {
      const blok = section.querySelector('.kaart-en-plekken');
      return {
        wijk: section.dataset.wijk,
        nieuwePagina: i === 0 || getComputedStyle(section).breakBefore === 'page',
        bijElkaar: Boolean(blok) && getComputedStyle(blok).breakInside === 'avoid',
        hoogte: blok?.getBoundingClientRect().height ?? 0,
        printkop: section.querySelector('.printkop')?.checkVisibility() ? section.querySelector('.printkop').textContent : null,
      };
    }),
  }));
  const bytes = await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  report.druk.paginas = (bytes.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 900, height: 1200 });
  await page.screenshot({ path: png, fullPage: true });
} catch (error) {
  report.errors.push(String(error));
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
