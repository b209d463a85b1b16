// An image question: a photo from the camera or a picture file, made at most 1600 px on its
// longest side and JPEG on the phone (a camera's 4-12 MB become a few hundred KB to send over
// the field's WiFi), kept in the phone's outbox (db.js) under a fresh attachment name. The answer
// is that name; upload.js sends the bytes to the master ahead of the entry.

import { LocalStore } from './db.js';
import { element } from './dom.js';
import { namedPhotos } from './upload.js';
import { t, wordsLanguage } from './words.js';

const LONGEST_SIDE = 1600;
const JPEG_QUALITY = 0.8;
/** The master's cap (AttachmentName, MAX_BYTES), checked here so the worker hears it at once. */
const MAX_BYTES = 10 * 1024 * 1024;

/** A picked file the phone cannot use; the message is for the field worker. */
class PhotoProblem extends Error {}

// the photos' own connection to the phone's database (the form gets no store to hand over)
let opened = null;
const photoStore = () => (opened ??= LocalStore.open());

/** AttachmentName's rule: 16 random bytes as 32 hex digits, then the kind of image. */
function newAttachmentName(extension) {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('') + extension;
}

async function decoded(file) {
  if (typeof createImageBitmap === 'function') {
    try {
      return await createImageBitmap(file);
    } catch {
      // some browsers decode only through an image element: try that below
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

function encoded(canvas) {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
}

const megabytes = (bytes) => new Intl.NumberFormat(wordsLanguage(), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })
  .format(bytes / (1024 * 1024));

/** The picked file as the photo to keep: `{ blob, extension }`. Throws PhotoProblem. */
async function prepared(file) {
  if (file.type && !file.type.startsWith('image/')) {
    throw new PhotoProblem(t('photo.notPicture', { file: file.name }));
  }
  let image;
  try {
    image = await decoded(file);
  } catch {
    throw new PhotoProblem(t('photo.unreadable', { file: file.name }));
  }
  const scale = Math.min(1, LONGEST_SIDE / Math.max(image.width, image.height));
  const canvas = element('canvas', {
    width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)),
  });
  const context = canvas.getContext('2d');
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  image.close?.();
  let photo = { blob: await encoded(canvas), extension: '.jpg' };
  // a browser that cannot encode this canvas: a JPEG or PNG file as it is still does
  if (!photo.blob && (file.type === 'image/jpeg' || file.type === 'image/png')) {
    photo = { blob: file, extension: file.type === 'image/png' ? '.png' : '.jpg' };
  }
  if (!photo.blob) throw new PhotoProblem(t('photo.notSmaller', { file: file.name }));
  if (photo.blob.size > MAX_BYTES) {
    throw new PhotoProblem(t('photo.tooLarge', { size: megabytes(photo.blob.size), max: megabytes(MAX_BYTES) }));
  }
  return photo;
}

/** Lets a replaced or removed photo go, unless a stored entry still names it (an edit not saved yet). */
async function forget(name) {
  const store = await photoStore();
  await store.dropAttachments((_held, records) => (namedPhotos(records).has(name) ? [] : [name]), (a) => a.name === name);
}

/**
 * The control of an image question `field`: "Take photo" (the back camera where the phone has
 * one), "Choose file", a thumbnail and "Remove". `value` is the attachment name or null; setting
 * it (an entry opened for editing, a draft) shows the photo when this phone holds it. Each
 * change fires "input" and "change" from `element`, as the form's other controls do.
 */
export function photoField(field) {
  const label = field.label || field.name;
  const thumbnail = element('img', { className: 'photo-thumbnail', alt: t('photo.alt', { label }), hidden: true });
  const message = element('p', { className: 'photo-message' });
  message.setAttribute('role', 'status');
  const camera = element('input', { type: 'file', accept: 'image/*', hidden: true });
  camera.setAttribute('capture', 'environment');
  camera.setAttribute('aria-label', t('photo.cameraLabel', { label }));
  const files = element('input', { type: 'file', accept: 'image/*', hidden: true });
  files.setAttribute('aria-label', t('photo.filesLabel', { label }));
  const take = element('button', { type: 'button', className: 'secondary', textContent: t('photo.take') });
  const choose = element('button', { type: 'button', className: 'secondary', textContent: t('photo.choose') });
  const remove = element('button', { type: 'button', className: 'secondary', textContent: t('photo.remove'), hidden: true });
  // the form may point the question's label at a button: each still says what it does first
  for (const button of [take, choose, remove]) button.setAttribute('aria-label', `${button.textContent}: ${label}`);
  const root = element('div', { className: 'photo-field' }, [
    thumbnail, message, element('div', { className: 'photo-actions' }, [take, choose, remove]), camera, files,
  ]);

  let current = null;
  let shown = 0; // which value the thumbnail being loaded belongs to
  let thumbnailUrl = null;

  function say(text, problem = false) {
    message.textContent = text;
    message.classList.toggle('field-error', problem);
  }

  function showThumbnail(blob) {
    if (thumbnailUrl) URL.revokeObjectURL(thumbnailUrl);
    thumbnailUrl = blob ? URL.createObjectURL(blob) : null;
    thumbnail.hidden = !blob;
    if (blob) thumbnail.src = thumbnailUrl;
    else thumbnail.removeAttribute('src');
  }

  async function show(name) {
    const turn = ++shown;
    remove.hidden = name === null;
    if (name === null) {
      showThumbnail(null);
      say(t('photo.none'));
      return;
    }
    const kept = await (await photoStore()).getAttachment(name);
    if (turn !== shown) return;
    showThumbnail(kept?.blob ?? null);
    say(t(kept ? 'photo.kept' : 'photo.sent'));
  }

  function changed() {
    for (const type of ['input', 'change']) root.dispatchEvent(new Event(type, { bubbles: true }));
  }

  async function replaceWith(name) {
    const before = current;
    current = name;
    await show(name);
    changed();
    if (before && before !== name) await forget(before);
  }

  async function picked(input) {
    const file = input.files?.[0];
    input.value = ''; // the same file again is a new pick
    if (!file) return;
    for (const button of [take, choose, remove]) button.disabled = true;
    say(t('photo.preparing'));
    try {
      const { blob, extension } = await prepared(file);
      const name = newAttachmentName(extension);
      await (await photoStore()).putAttachment({
        name, blob, size: blob.size, createdAt: Date.now(), sent: false, refused: null,
      });
      await replaceWith(name);
    } catch (e) {
      if (!(e instanceof PhotoProblem)) console.warn('the photo could not be kept', e);
      say(e instanceof PhotoProblem ? e.message : t('photo.notKept'), true);
    } finally {
      for (const button of [take, choose, remove]) button.disabled = false;
    }
  }

  take.addEventListener('click', () => camera.click());
  choose.addEventListener('click', () => files.click());
  remove.addEventListener('click', () => replaceWith(null));
  for (const input of [camera, files]) {
    // a picked file is no answer yet: the field's own events are fired by changed()
    input.addEventListener('input', (e) => e.stopPropagation());
    input.addEventListener('change', (e) => {
      e.stopPropagation();
      picked(input);
    });
  }
  show(null);

  return {
    element: root,
    get value() {
      return current;
    },
    set value(name) {
      current = typeof name === 'string' && name !== '' ? name : null;
      show(current);
    },
  };
}
