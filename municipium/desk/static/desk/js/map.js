// The place of a request on a map (Leaflet, served by the project): progressive enhancement of
// the latitude and longitude fields. Without this script, or without tiles, the fields and the
// address are the form. Bound to [data-desk-map]; the marker and the fields follow each other.
const container = document.querySelector("[data-desk-map]");
const latitude = document.querySelector("[data-desk-latitude]");
const longitude = document.querySelector("[data-desk-longitude]");
const L = window.L;

function parse(input) {
  const value = Number.parseFloat((input.value || "").replace(",", "."));
  return Number.isFinite(value) ? value : null;
}

if (container && latitude && longitude && L && container.dataset.tiles) {
  container.hidden = false;
  const help = document.querySelector("[data-desk-map-help]");
  if (help) help.hidden = false;
  container.setAttribute("role", "application");
  container.setAttribute("aria-label", container.dataset.label || "");
  const start = [parse(latitude), parse(longitude)];
  const hasPoint = start[0] !== null && start[1] !== null;
  const map = L.map(container, { scrollWheelZoom: false }).setView(
    hasPoint ? start : [Number(container.dataset.latitude || 39), Number(container.dataset.longitude || 35)],
    hasPoint ? 16 : Number(container.dataset.zoom || 5),
  );
  L.tileLayer(container.dataset.tiles, {
    maxZoom: 19,
    attribution: container.dataset.attribution || "",
  }).addTo(map);
  // The marker's images by their static addresses: Leaflet guesses them from its stylesheet's
  // address, which the static files' manifest changes (a hashed name), so it would miss.
  const icon = L.icon({
    iconUrl: container.dataset.marker,
    iconRetinaUrl: container.dataset.marker2x,
    shadowUrl: container.dataset.markerShadow,
    iconSize: [25, 41],
    iconAnchor: [12, 41],
    popupAnchor: [1, -34],
    tooltipAnchor: [16, -28],
    shadowSize: [41, 41],
  });
  const pin = (point) => L.marker(point, { icon, keyboard: false }).addTo(map);
  let marker = hasPoint ? pin(start) : null;

  const place = (point) => {
    if (marker) marker.setLatLng(point);
    else marker = pin(point);
    latitude.value = point.lat.toFixed(6);
    longitude.value = point.lng.toFixed(6);
  };
  map.on("click", (event) => place(event.latlng));
  const follow = () => {
    const point = [parse(latitude), parse(longitude)];
    if (point[0] === null || point[1] === null) return;
    if (marker) marker.setLatLng(point);
    else marker = pin(point);
    map.setView(point, Math.max(map.getZoom(), 15));
  };
  latitude.addEventListener("change", follow);
  longitude.addEventListener("change", follow);
}
