// The planner's map: wijken, the heatmap and hotspots as vector tiles from this API (MapLibre from /lib, no CDN).
import * as maplibregl from '/lib/maplibre-gl.mjs';

const DAGEN = ['alle dagen', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
// Heatmap colours by meldingen per cell; the first class starts at the privacy minimum (cells below it are never sent).
const KLASSEN = [[5, '#fee391'], [10, '#fec44f'], [25, '#fe9929'], [50, '#ec7014'], [100, '#cc4c02'], [250, '#8c2d04']];
const $ = (id) => document.getElementById(id);

const config = await (await fetch('/kaart/config.json')).json();
const map = new maplibregl.Map({
  container: 'kaart',
  center: [5.3, 52.1],
  zoom: 7,
  // Tests read the canvas back; a normal visit keeps the faster default.
  canvasContextAttributes: { preserveDrawingBuffer: new URLSearchParams(location.search).has('test') },
  style: {
    version: 8,
    sources: config.basemapUrl
      ? { basemap: { type: 'raster', tiles: [config.basemapUrl], tileSize: 256, attribution: config.basemapAttributie, maxzoom: 19 } }
      : {},
    layers: [
      { id: 'achtergrond', type: 'background', paint: { 'background-color': '#f4f4f0' } },
      ...(config.basemapUrl ? [{ id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-opacity': 0.6 } }] : []),
    ],
  },
  // Requests to this API carry the session cookie (HttpOnly: the page never sees a token); the basemap goes without.
  transformRequest: (url) => ({ url, credentials: url.startsWith(location.origin) ? 'same-origin' : 'omit' }),
});
window.kaart = map;

// A date from a date input as the instant its day starts in the browser's (the planner's) local time.
const dagBegin = (datum, extraDagen = 0) => {
  const dag = new Date(`${datum}T00:00`);
  dag.setDate(dag.getDate() + extraDagen);
  return dag.toISOString();
};

function filterQuery() {
  const query = new URLSearchParams();
  if ($('categorie').value) query.set('categorie', $('categorie').value);
  if ($('venster').value) query.set('venster', $('venster').value);
  if ($('dag').value !== '0') query.set('dag', $('dag').value);
  if ($('uur').value !== '-1') query.set('uur', $('uur').value);
  if ($('van').value) query.set('van', dagBegin($('van').value));
  // "t/m" includes the whole day; the API's tot is exclusive.
  if ($('tot').value) query.set('tot', dagBegin($('tot').value, 1));
  return query.toString();
}

// A run holds hotspots for every window; the map shows those of one: the chosen tijdvenster, or the hour of the week
// when weekday and hour are both set (named like DefaultTimeWindows.HoursOfWeek: uur-di-08). Otherwise none.
const DAG_CODES = ['', 'ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];
function hotspotVenster() {
  if ($('venster').value) return $('venster').value;
  if ($('dag').value !== '0' && $('uur').value !== '-1') return `uur-${DAG_CODES[Number($('dag').value)]}-${$('uur').value.padStart(2, '0')}`;
  return null;
}

function hotspotQuery(venster) {
  const query = new URLSearchParams({ venster });
  if ($('categorie').value) query.set('categorie', $('categorie').value);
  return query.toString();
}

const tileUrl = (layer, query = '') => `${location.origin}/api/v1/tiles/${layer}/{z}/{x}/{y}.mvt${query ? `?${query}` : ''}`;

function updateFilters() {
  $('dag-tekst').value = DAGEN[Number($('dag').value)];
  $('uur-tekst').value = $('uur').value === '-1' ? 'alle uren' : `${$('uur').value}:00–${$('uur').value}:59`;
  const query = filterQuery();
  map.getSource('heatmap')?.setTiles([tileUrl('heatmap', query)]);
  const venster = hotspotVenster();
  $('hotspot-venster').value = venster ? `hotspots: ${venster}` : 'hotspots: kies een tijdvenster, of weekdag en uur';
  if (!map.getSource('hotspots')) return;
  for (const layer of ['hotspots', 'hotspots-vlak']) map.setLayoutProperty(layer, 'visibility', venster ? 'visible' : 'none');
  if (venster) map.getSource('hotspots').setTiles([tileUrl('hotspots', hotspotQuery(venster))]);
}

function addLayers() {
  map.addSource('wijken', { type: 'vector', tiles: [tileUrl('wijken')], maxzoom: 16 });
  map.addSource('heatmap', { type: 'vector', tiles: [tileUrl('heatmap', filterQuery())], maxzoom: 16 });
  map.addSource('hotspots', { type: 'vector', tiles: [tileUrl('hotspots')], maxzoom: 16 });
  map.addLayer({ id: 'wijken-vlak', type: 'fill', source: 'wijken', 'source-layer': 'wijken', paint: { 'fill-color': '#000', 'fill-opacity': 0 } });
  map.addLayer({
    id: 'heatmap', type: 'fill', source: 'heatmap', 'source-layer': 'heatmap',
    paint: { 'fill-color': ['step', ['get', 'count'], KLASSEN[0][1], ...KLASSEN.slice(1).flat()], 'fill-opacity': 0.75 },
  });
  map.addLayer({ id: 'wijken-lijn', type: 'line', source: 'wijken', 'source-layer': 'wijken', paint: { 'line-color': '#1f4e79', 'line-width': 1.5 } });
  map.addLayer({ id: 'hotspots', type: 'line', source: 'hotspots', 'source-layer': 'hotspots', paint: { 'line-color': '#c00', 'line-width': 2.5 } });
  map.addLayer({ id: 'hotspots-vlak', type: 'fill', source: 'hotspots', 'source-layer': 'hotspots', paint: { 'fill-color': '#c00', 'fill-opacity': 0.08 } });
}

function popup(event, html) {
  new maplibregl.Popup().setLngLat(event.lngLat).setHTML(html).addTo(map);
}

const escape = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

map.on('click', (event) => {
  const [hotspot] = map.queryRenderedFeatures(event.point, { layers: ['hotspots-vlak'] });
  if (hotspot) {
    const p = hotspot.properties;
    // The place in words as the briefing names it (its schools included); the codes stay in the tile for machines.
    const perUur = String(Math.round(Number(p.per_uur) * 10) / 10).replace('.', ',');
    popup(event, `<strong>${escape(p.plaats || `Hotspot ${p.rang}`)}</strong>` +
      `<br>venster: ${escape(p.venster)}; ${escape(p.categorieen ? p.categorieen.split(',').join(', ') : 'alle categorieën')}` +
      `<br>verwacht ${escape(perUur)} meldingen per uur, ${escape(p.trend_tekst)}` +
      `<br>wijk: ${escape(p.wijk_namen || p.wijken)}${p.plaats ? '' : `<br>scholen: ${escape(p.scholen)}`}`);
    return;
  }
  const [wijk] = map.queryRenderedFeatures(event.point, { layers: ['wijken-vlak'] });
  if (wijk) popup(event, `<strong>${escape(wijk.properties.naam)}</strong><br>${escape(wijk.properties.code)}`);
});

function legenda() {
  const rijen = KLASSEN.map(([vanaf, kleur], i) => {
    const tot = KLASSEN[i + 1]?.[0];
    return `<div class="rij"><span class="kleur" style="background:${kleur}"></span>${vanaf}${tot ? `–${tot - 1}` : '+'} meldingen per cel</div>`;
  });
  $('legenda').innerHTML = rijen.join('') +
    `<div class="rij"><span class="kleur" style="border:2px solid #c00"></span>hotspot</div>` +
    `<div class="rij"><span class="kleur" style="border:2px solid #1f4e79"></span>wijk</div>` +
    `<small>Cellen met minder dan ${config.minimumPerCel} meldingen worden niet getoond.</small>`;
}

async function apiJson(path) {
  const response = await fetch(path, { credentials: 'same-origin' });
  // The session ended (expired, signed out elsewhere): sign in again and come back here.
  if (response.status === 401) location.assign(`/aanmelden?terug=${encodeURIComponent(location.pathname + location.search)}`);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

async function start() {
  $('melding').textContent = '';
  try {
    const sessie = await apiJson('/api/v1/sessie');
    $('gebruiker').textContent = `${sessie.gebruiker} (${sessie.rollen.join(', ')}, ${sessie.gemeente})`;
    const tilejson = await apiJson('/api/v1/tiles/heatmap.json');
    map.fitBounds([[tilejson.bounds[0], tilejson.bounds[1]], [tilejson.bounds[2], tilejson.bounds[3]]], { padding: { top: 40, bottom: 40, right: 40, left: 300 }, maxZoom: 15, animate: false });
    const categorieen = await apiJson('/api/v1/categorieen');
    $('categorie').replaceChildren(new Option('alle categorieën', ''),
      ...categorieen.filter((c) => !c.parent).map((c) => new Option(c.naam, c.code)));
    // The named windows (school times, uitgaansnacht, the gemeente's own); the hours of the week are the sliders.
    const vensters = await apiJson('/api/v1/tijdvensters');
    $('venster').replaceChildren(new Option('geen', ''),
      ...vensters.filter((v) => !v.code.startsWith('uur-')).map((v) => new Option(`${v.code} (${v.definitie})`, v.code)));
  } catch (error) {
    $('melding').textContent = `Geen toegang of API onbereikbaar (${error.message}).`;
    return;
  }
  if (!map.getSource('heatmap')) addLayers();
  updateFilters();
}

for (const id of ['categorie', 'venster', 'dag', 'uur', 'van', 'tot']) $(id).addEventListener('input', updateFilters);
legenda();
map.on('load', start);
