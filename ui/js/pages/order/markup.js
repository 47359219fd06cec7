// The markup of the "New order" page (#/new-order), kept with its code. main.js puts every page
// into <main id="content"> while the app gets ready, before the translations are applied; the
// login card stays in index.html, so the first screen never waits for a page's markup.

import { addressFieldsMarkup } from "../../lib/address.js";

export const markup = `
    <section class="page order-page" data-page="new-order" hidden>
      <div class="order-scroll" id="order-scroll">
        <h1 data-i18n="nav-new-order"></h1>
        <p class="lead" data-i18n="page-new-order-intro"></p>

        <div class="order-banners" id="order-banners">
          <div class="order-banner order-banner-offline" id="order-offline-banner" role="status">
            <p class="order-banner-text">
              <strong data-i18n="order-offline-title"></strong>
              <span data-i18n="order-offline-text"></span>
            </p>
          </div>
          <div class="order-banner" id="order-resume-banner" role="region" aria-labelledby="order-resume-text">
            <p class="order-banner-text" id="order-resume-text"></p>
            <div class="order-banner-actions">
              <button type="button" class="button button-primary button-compact" id="order-resume" data-i18n="order-resume"></button>
              <button type="button" class="button button-secondary button-compact" id="order-discard" data-i18n="order-discard"></button>
            </div>
          </div>
        </div>
        <p id="order-page-status" class="form-status" role="status" aria-live="polite"></p>
        <div class="notice order-reorder-notice" id="order-reorder-notice" role="status" hidden>
          <p class="order-reorder-text" id="order-reorder-text"></p>
          <div id="order-reorder-unavailable" hidden>
            <p class="order-reorder-text" data-i18n="order-reorder-unavailable"></p>
            <ul class="order-reorder-list" id="order-reorder-list"></ul>
          </div>
        </div>

        <div class="order-wizard" id="order-wizard">
          <ol class="order-steps" id="order-steps" data-i18n-aria-label="order-steps-label">
            <li class="order-steps-item"><button type="button" class="order-steps-button" data-goto-step="1" data-i18n="order-step-account"></button></li>
            <li class="order-steps-item"><button type="button" class="order-steps-button" data-goto-step="2" data-i18n="order-step-address"></button></li>
            <li class="order-steps-item"><button type="button" class="order-steps-button" data-goto-step="3" data-i18n="order-step-supplies"></button></li>
            <li class="order-steps-item"><button type="button" class="order-steps-button" data-goto-step="4" data-i18n="order-step-review"></button></li>
          </ol>

          <form id="order-form" class="order-form" novalidate>
            <section class="panel-card order-step" id="order-step-1" data-step="1" aria-labelledby="order-step-1-title">
              <h2 class="card-title" id="order-step-1-title" tabindex="-1" data-i18n="order-step-account-title"></h2>
              <p class="panel-intro" data-i18n="order-step-account-intro"></p>
              <p class="form-note required-legend" data-i18n="form-required-note"></p>
              <p id="order-step-1-status" class="form-status" role="status" aria-live="polite"></p>
              <p class="list-state list-loading" id="order-saved-numbers-loading" hidden data-i18n="account-numbers-loading"></p>
              <fieldset class="order-choices" id="order-saved-numbers" hidden>
                <legend class="field-label" data-i18n="order-saved-numbers"></legend>
                <div class="order-choice-list" id="order-saved-number-list"></div>
              </fieldset>
              <div class="field">
                <label class="field-label" for="order-account-number">
                  <span data-i18n="account-numbers-number"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
                </label>
                <p class="field-help" id="order-account-number-help" data-i18n="account-numbers-number-help"></p>
                <input class="input input-account-number" id="order-account-number" type="text" inputmode="numeric"
                       autocomplete="off" spellcheck="false" maxlength="24" required
                       aria-describedby="order-account-number-help">
                <p class="field-error" id="order-account-number-error"></p>
              </div>
              <div class="order-save-choice" id="order-save-number-group">
                <div class="check">
                  <input id="order-save-account-number" type="checkbox" aria-controls="order-account-name-field">
                  <label for="order-save-account-number" data-i18n="order-save-account-number"></label>
                </div>
                <div class="field order-sub-field" id="order-account-name-field" hidden>
                  <label class="field-label" for="order-account-name">
                    <span data-i18n="account-numbers-name"></span>
                  </label>
                  <p class="field-help" id="order-account-name-help" data-i18n="account-numbers-name-help"></p>
                  <input class="input" id="order-account-name" type="text" autocomplete="off" maxlength="120"
                         aria-describedby="order-account-name-help">
                  <p class="field-error" id="order-account-name-error"></p>
                </div>
              </div>
            </section>

            <section class="panel-card order-step" id="order-step-2" data-step="2" aria-labelledby="order-step-2-title" hidden>
              <h2 class="card-title" id="order-step-2-title" tabindex="-1" data-i18n="order-step-address-title"></h2>
              <p class="panel-intro" data-i18n="order-step-address-intro"></p>
              <p id="order-step-2-status" class="form-status" role="status" aria-live="polite"></p>
              <p class="form-note order-prefilled" id="order-address-prefilled" hidden data-i18n="order-address-prefilled"></p>
              <div class="order-address-book-toggle">
                <button type="button" class="button button-secondary" id="order-choose-address" aria-expanded="false"
                        aria-controls="order-address-book" data-i18n="order-choose-address"></button>
                <span class="order-from-book" id="order-address-from-book" hidden data-i18n="order-address-from-book"></span>
              </div>
              <section class="order-address-book" id="order-address-book" aria-labelledby="order-address-book-title" hidden>
                <h3 class="order-subtitle" id="order-address-book-title" tabindex="-1" data-i18n="order-address-book-title"></h3>
                <p id="order-address-book-status" class="form-status" role="status" aria-live="polite"></p>
                <p class="list-state list-loading" id="order-address-book-loading" hidden data-i18n="address-loading"></p>
                <p class="list-state list-empty" id="order-address-book-empty" hidden data-i18n="order-address-book-empty"></p>
                <ul class="order-address-choices" id="order-address-book-list" role="list" aria-labelledby="order-address-book-title"></ul>
              </section>
              <p class="form-note required-legend" data-i18n="form-required-note"></p>
              ${addressFieldsMarkup("order-address")}
              <div class="order-save-choice" id="order-save-address-group">
                <div class="check">
                  <input id="order-save-address" type="checkbox">
                  <label for="order-save-address" data-i18n="order-save-address"></label>
                </div>
              </div>
            </section>

            <section class="panel-card order-step order-step-wide" id="order-step-3" data-step="3" aria-labelledby="order-step-3-title" hidden>
              <h2 class="card-title" id="order-step-3-title" tabindex="-1" data-i18n="order-step-supplies-title"></h2>
              <p class="panel-intro" data-i18n="order-step-supplies-intro"></p>
              <p id="order-step-3-status" class="form-status" role="status" aria-live="polite"></p>
              <div class="supply-filters" role="search" data-i18n-aria-label="order-filters-label">
                <div class="field supply-filter-search">
                  <label class="field-label" for="order-search" data-i18n="order-search"></label>
                  <div class="supply-search-row">
                    <input class="input" id="order-search" type="search" autocomplete="off" spellcheck="false"
                           data-i18n-placeholder="order-search-placeholder">
                    <button type="button" class="button button-secondary" id="order-search-button"
                            aria-controls="order-supplies" data-i18n="order-search-button"></button>
                  </div>
                </div>
                <div class="field">
                  <label class="field-label" for="order-category" data-i18n="order-category"></label>
                  <select class="input" id="order-category">
                    <option value="" data-i18n="order-category-all"></option>
                  </select>
                </div>
                <div class="field">
                  <label class="field-label" for="order-size" data-i18n="order-size"></label>
                  <select class="input" id="order-size">
                    <option value="" data-i18n="order-size-all"></option>
                  </select>
                </div>
              </div>
              <p class="supply-count" id="order-results-count" aria-live="polite"></p>
              <div class="supply-unavailable" id="order-unavailable" hidden>
                <h3 class="order-subtitle" data-i18n="order-unavailable-title"></h3>
                <ul class="item-list" id="order-unavailable-list" role="list"></ul>
              </div>
              <p class="list-state list-loading" id="order-catalogue-loading" hidden data-i18n="order-catalogue-loading"></p>
              <button type="button" class="button button-secondary list-retry" id="order-catalogue-retry" hidden
                      data-i18n="order-retry"></button>
              <div class="list-state list-empty supply-empty" id="order-supplies-empty" hidden>
                <span data-i18n="order-supplies-empty"></span>
                <button type="button" class="link-button" id="order-clear-filters" data-i18n="order-clear-filters"></button>
              </div>
              <ul class="supply-list" id="order-supplies" role="list" aria-labelledby="order-step-3-title"></ul>
            </section>

            <section class="panel-card order-step order-step-wide" id="order-step-4" data-step="4" aria-labelledby="order-step-4-title" hidden>
              <h2 class="card-title" id="order-step-4-title" tabindex="-1" data-i18n="order-step-review-title"></h2>
              <p class="panel-intro" data-i18n="order-step-review-intro"></p>
              <p id="order-step-4-status" class="form-status" role="status" aria-live="polite"></p>
              <div class="order-review" id="order-review"></div>
              <p class="order-review-offline" id="order-review-offline" hidden data-i18n="order-review-offline"></p>
            </section>
          </form>
        </div>

        <section class="panel-card order-result" id="order-result" tabindex="-1" aria-live="polite" hidden></section>

        <details class="panel-card order-drafts-panel" id="order-drafts-panel" open>
          <summary class="order-drafts-summary">
            <span class="order-drafts-title" data-i18n="order-drafts-title"></span>
            <span class="order-drafts-count" id="order-drafts-count"></span>
          </summary>
          <p id="order-drafts-status" class="form-status" role="status" aria-live="polite"></p>
          <p class="list-state list-loading" id="order-drafts-loading" hidden data-i18n="order-drafts-loading"></p>
          <p class="list-state list-empty" id="order-drafts-empty" hidden data-i18n="order-drafts-empty"></p>
          <ul class="item-list order-drafts" id="order-drafts" role="list"></ul>
        </details>
      </div>

      <!-- Outside the scrolling part, so the buttons and the total never cover what they follow. -->
      <div class="order-footer" id="order-footer">
        <div class="order-footer-inner">
          <div class="order-total-bar" id="order-total-bar" hidden>
            <p class="order-total" id="order-total" aria-live="polite"></p>
            <p class="order-limit-message" id="order-limit-message" aria-live="polite"></p>
          </div>
          <div class="order-nav">
            <button type="button" class="button button-secondary" id="order-back" data-i18n="order-back"></button>
            <span class="order-nav-gap"></span>
            <button type="button" class="button button-secondary" id="order-back-to-review" hidden data-i18n="order-back-to-review"></button>
            <button type="submit" form="order-form" class="button button-primary" id="order-next" data-i18n="order-next"></button>
            <button type="button" class="button button-primary" id="order-confirm" hidden data-i18n="order-confirm"></button>
          </div>
        </div>
      </div>
    </section>
`;
