// The markup of the "Address book" page (#/address-book), kept with its code. main.js puts every
// page into <main id="content"> while the app gets ready, before the translations are applied; the
// login card stays in index.html, so the first screen never waits for a page's markup.

export const markup = `
    <section class="page" data-page="address-book" hidden>
      <h1 data-i18n="nav-address-book"></h1>
      <p class="lead" data-i18n="page-address-book-intro"></p>

      <div class="page-toolbar" id="address-toolbar">
        <button type="button" class="button button-primary" id="address-add" data-i18n="address-add"></button>
      </div>

      <section class="panel-card page-card address-form-card" id="address-form-card" aria-labelledby="address-form-title" hidden>
        <h2 class="card-title" id="address-form-title" tabindex="-1" data-i18n="address-form-title-add"></h2>
        <form id="address-form" class="form" aria-labelledby="address-form-title" novalidate>
          <p class="form-note" data-i18n="form-required-note"></p>
          <div class="field">
            <label class="field-label" for="address-company">
              <span data-i18n="address-company"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
            </label>
            <input class="input" id="address-company" type="text" autocomplete="off" maxlength="120" required>
            <p class="field-error" id="address-company-error"></p>
          </div>
          <div class="field">
            <label class="field-label" for="address-contact">
              <span data-i18n="address-contact"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
            </label>
            <input class="input" id="address-contact" type="text" autocomplete="off" maxlength="120" required>
            <p class="field-error" id="address-contact-error"></p>
          </div>
          <div class="field">
            <label class="field-label" for="address-country">
              <span data-i18n="address-country"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
            </label>
            <select class="input input-country" id="address-country" required>
              <optgroup id="address-countries-near">
                <option value="BE" data-i18n="country-be"></option>
                <option value="NL" data-i18n="country-nl"></option>
                <option value="LU" data-i18n="country-lu"></option>
                <option value="FR" data-i18n="country-fr"></option>
                <option value="DE" data-i18n="country-de"></option>
              </optgroup>
              <optgroup id="address-countries-other">
                <option value="AT" data-i18n="country-at"></option>
                <option value="CZ" data-i18n="country-cz"></option>
                <option value="DK" data-i18n="country-dk"></option>
                <option value="ES" data-i18n="country-es"></option>
                <option value="IE" data-i18n="country-ie"></option>
                <option value="IT" data-i18n="country-it"></option>
                <option value="PL" data-i18n="country-pl"></option>
                <option value="PT" data-i18n="country-pt"></option>
                <option value="SE" data-i18n="country-se"></option>
              </optgroup>
            </select>
            <p class="field-error" id="address-country-error"></p>
          </div>
          <div class="field">
            <label class="field-label" for="address-street">
              <span data-i18n="address-street"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
            </label>
            <input class="input" id="address-street" type="text" autocomplete="off" maxlength="120" required>
            <p class="field-error" id="address-street-error"></p>
          </div>
          <div class="field">
            <label class="field-label" for="address-number">
              <span data-i18n="address-number"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
            </label>
            <input class="input input-short" id="address-number" type="text" autocomplete="off" maxlength="10" required>
            <p class="field-error" id="address-number-error"></p>
          </div>
          <div class="field">
            <label class="field-label" for="address-box">
              <span data-i18n="address-box"></span>
            </label>
            <input class="input input-short" id="address-box" type="text" autocomplete="off" maxlength="10">
            <p class="field-error" id="address-box-error"></p>
          </div>
          <div class="field">
            <label class="field-label" for="address-postal-code">
              <span data-i18n="address-postal-code"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
            </label>
            <input class="input input-postal-code" id="address-postal-code" type="text" autocomplete="off" spellcheck="false"
                   maxlength="12" required>
            <p class="field-error" id="address-postal-code-error"></p>
          </div>
          <div class="field">
            <label class="field-label" for="address-city">
              <span data-i18n="address-city"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
            </label>
            <input class="input" id="address-city" type="text" autocomplete="off" maxlength="120" required>
            <p class="field-error" id="address-city-error"></p>
          </div>
          <div class="field">
            <label class="field-label" for="address-phone">
              <span data-i18n="address-phone"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
            </label>
            <p class="field-help" id="address-phone-help" data-i18n="address-phone-help"></p>
            <input class="input input-phone" id="address-phone" type="tel" autocomplete="off" maxlength="32" required
                   aria-describedby="address-phone-help">
            <p class="field-error" id="address-phone-error"></p>
          </div>
          <div class="field">
            <label class="field-label" for="address-email">
              <span data-i18n="address-email"></span>
            </label>
            <input class="input" id="address-email" type="email" autocomplete="off" spellcheck="false"
                   autocapitalize="off" maxlength="254">
            <p class="field-error" id="address-email-error"></p>
          </div>
          <div class="field">
            <label class="field-label" for="address-note">
              <span data-i18n="address-note"></span>
            </label>
            <p class="field-help" id="address-note-help" data-i18n="address-note-help"></p>
            <textarea class="input textarea" id="address-note" rows="3" aria-describedby="address-note-help address-note-count"></textarea>
            <div class="field-footer">
              <p class="field-error" id="address-note-error"></p>
              <p class="field-counter" id="address-note-count"></p>
            </div>
          </div>
          <p id="address-form-status" class="form-status" role="status" aria-live="polite"></p>
          <div class="form-actions">
            <button type="submit" class="button button-primary" id="address-submit" data-i18n="address-submit-add"></button>
            <button type="button" class="button button-secondary" id="address-cancel" data-i18n="address-cancel"></button>
          </div>
        </form>
      </section>

      <section class="address-list-region" aria-labelledby="address-list-title">
        <h2 class="section-title" id="address-list-title" tabindex="-1" data-i18n="address-list-title"></h2>
        <p id="address-list-status" class="form-status" role="status" aria-live="polite"></p>
        <button type="button" class="button button-secondary list-retry" id="address-retry" hidden
                data-i18n="address-retry"></button>
        <p class="list-state list-loading" id="address-loading" hidden data-i18n="address-loading"></p>
        <p class="list-state list-empty" id="address-empty" hidden data-i18n="address-empty"></p>
        <ul class="address-list" id="address-list" role="list" aria-labelledby="address-list-title"></ul>
      </section>
    </section>
`;
