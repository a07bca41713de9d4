/*
 * Dual dates: beside every date field of every page, the day in the Hijri calendar (Umm al-Qura, the calendar the
 * server writes its dates in) and a box to type a Hijri date instead, which sets the Gregorian field. The browser's
 * own calendars (Intl) do the conversion: no library. Without script a date field is the browser's Gregorian picker,
 * and the server still shows every stored date in both calendars.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var texts = script ? script.dataset : {};
  var language = document.documentElement.lang || 'ar';
  var CALENDAR = '-u-ca-islamic-umalqura';
  var DAY = 86400000;
  var supported;
  try {
    supported = new Intl.DateTimeFormat('en' + CALENDAR).resolvedOptions().calendar === 'islamic-umalqura';
  } catch (e) {
    supported = false;
  }
  if (!supported) {
    return;
  }
  var numeric = new Intl.DateTimeFormat('en' + CALENDAR + '-nu-latn', {timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric'});
  var written = new Intl.DateTimeFormat((language === 'ar' ? 'ar-SA' : language) + CALENDAR,
      {timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric'});

  function hijri(time) {
    var parts = {};
    numeric.formatToParts(new Date(time)).forEach(function (p) {
      if (p.type === 'year' || p.type === 'month' || p.type === 'day') {
        parts[p.type] = parseInt(p.value, 10);
      }
    });
    return parts;
  }

  /* The Gregorian day of a Hijri one, or null when the month has no such day: from the mean month's estimate, the
     days around it are written in the Hijri calendar until one matches. */
  function gregorian(year, month, day) {
    var estimate = Date.UTC(622, 6, 19) + Math.round(((year - 1) * 12 + (month - 1)) * 29.530588853 + (day - 1)) * DAY;
    for (var offset = 0; offset <= 6; offset++) {
      for (var sign = -1; sign <= 1; sign += 2) {
        var time = estimate + sign * offset * DAY;
        var h = hijri(time);
        if (h.year === year && h.month === month && h.day === day) {
          return new Date(time).toISOString().substring(0, 10);
        }
      }
    }
    return null;
  }

  /* Day/month/year or year/month/day, with Arabic-Indic, Eastern Arabic-Indic or Western digits. */
  function parse(text) {
    var western = text.replace(/[\u0660-\u0669]/g, function (d) { return String(d.charCodeAt(0) - 0x0660); })
        .replace(/[\u06F0-\u06F9]/g, function (d) { return String(d.charCodeAt(0) - 0x06F0); });
    var m = western.match(/^\s*(\d{1,4})\s*[\/\-.\u060C ]\s*(\d{1,2})\s*[\/\-.\u060C ]\s*(\d{1,4})\s*(?:\u0647\u0640?|AH|H)?\.?\s*$/i);
    if (!m) {
      return null;
    }
    var a = parseInt(m[1], 10), b = parseInt(m[2], 10), c = parseInt(m[3], 10);
    var year = a > 31 ? a : c, day = a > 31 ? c : a;
    if (year < 1300 || year > 1600 || b < 1 || b > 12 || day < 1 || day > 30) {
      return null;
    }
    return gregorian(year, b, day);
  }

  function enhance(field) {
    var box = document.createElement('span');
    box.className = 'hijri';
    var shown = document.createElement('output');
    shown.id = field.id ? field.id + '-hijri-text' : '';
    shown.setAttribute('for', field.id || '');
    var typed = document.createElement('input');
    typed.type = 'text';
    typed.inputMode = 'numeric';
    typed.autocomplete = 'off';
    typed.className = 'hijri-input';
    if (field.id) {
      typed.id = field.id + '-hijri';
    }
    typed.setAttribute('aria-label', (texts.label || 'Hijri date') + (field.labels && field.labels[0] ? ': ' + field.labels[0].textContent : ''));
    typed.placeholder = texts.placeholder || 'dd/mm/yyyy';
    typed.title = texts.label || '';

    function show() {
      var value = field.value;
      shown.textContent = /^\d{4}-\d{2}-\d{2}$/.test(value) ? written.format(new Date(value + 'T00:00:00Z')) : '';
    }

    typed.addEventListener('change', function () {
      if (typed.value.trim() === '') {
        typed.setCustomValidity('');
        return;
      }
      var iso = parse(typed.value);
      if (iso === null) {
        typed.setCustomValidity(texts.invalid || 'Not a Hijri date');
        typed.reportValidity();
        return;
      }
      typed.setCustomValidity('');
      field.value = iso;
      typed.value = '';
      field.dispatchEvent(new Event('change', {bubbles: true}));
      show();
    });
    field.addEventListener('input', show);
    field.addEventListener('change', show);
    box.appendChild(shown);
    box.appendChild(typed);
    field.insertAdjacentElement('afterend', box);
    show();
  }

  document.querySelectorAll('input[type="date"]').forEach(enhance);
}());
