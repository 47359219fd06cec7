// The markup of the "Address book" page (#/address-book), kept with its code. main.js puts every
// page into <main id="content"> while the app gets ready, before the translations are applied; the
// login card stays in index.html, so the first screen never waits for a page's markup.

import { addressFieldsMarkup } from "../../lib/address.js";

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
          ${addressFieldsMarkup("address")}
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
