// The markup of the "eSecure" page (#/esecure), kept with its code. main.js puts every page into
// <main id="content"> while the app gets ready, before the translations are applied; the login
// card stays in index.html, so the first screen never waits for a page's markup.

export const markup = `
    <section class="page esecure-page" data-page="esecure" hidden>
      <h1 data-i18n="nav-esecure"></h1>
      <p class="lead" data-i18n="page-esecure-intro"></p>
      <p class="list-state list-loading" id="esecure-loading" hidden data-i18n="esecure-loading"></p>
      <p id="esecure-page-status" class="form-status" role="status" aria-live="polite"></p>
      <button type="button" class="button button-secondary list-retry" id="esecure-retry" hidden data-i18n="esecure-retry"></button>

      <!-- Someone who administers no account number: what eSecure is, and their own requests. -->
      <div class="esecure-requester" id="esecure-requester" hidden>
        <section class="panel-card page-card" aria-labelledby="esecure-about-title">
          <h2 class="card-title" id="esecure-about-title" data-i18n="esecure-about-title"></h2>
          <p class="panel-intro" data-i18n="esecure-about-text"></p>
          <p class="panel-hint" data-i18n="esecure-about-administrators"></p>
        </section>
        <section class="panel-card page-card" aria-labelledby="esecure-my-title">
          <h2 class="card-title" id="esecure-my-title" data-i18n="esecure-my-title"></h2>
          <p id="esecure-my-status" class="form-status" role="status" aria-live="polite"></p>
          <p class="list-state list-loading" id="esecure-my-loading" hidden data-i18n="esecure-loading"></p>
          <p class="list-state list-empty" id="esecure-my-empty" hidden data-i18n="esecure-my-empty"></p>
          <ul class="item-list" id="esecure-my-list" role="list" aria-labelledby="esecure-my-title"></ul>
        </section>
      </div>

      <!-- An administrator: the manual's sections as tabs. -->
      <div class="esecure-admin" id="esecure-admin" hidden>
        <div class="tabs" role="tablist" id="esecure-tabs" data-i18n-aria-label="esecure-tabs">
          <button type="button" class="tab" role="tab" id="esecure-tab-requests" aria-selected="true" aria-controls="esecure-panel-requests"><span data-i18n="esecure-tab-requests"></span><span class="tab-count" id="esecure-tab-count"></span></button>
          <button type="button" class="tab" role="tab" id="esecure-tab-add-users" aria-selected="false" tabindex="-1" aria-controls="esecure-panel-add-users" data-i18n="esecure-tab-add-users"></button>
          <button type="button" class="tab" role="tab" id="esecure-tab-administrators" aria-selected="false" tabindex="-1" aria-controls="esecure-panel-administrators" data-i18n="esecure-tab-administrators"></button>
          <button type="button" class="tab" role="tab" id="esecure-tab-domains" aria-selected="false" tabindex="-1" aria-controls="esecure-panel-domains" data-i18n="esecure-tab-domains"></button>
          <button type="button" class="tab" role="tab" id="esecure-tab-audit" aria-selected="false" tabindex="-1" aria-controls="esecure-panel-audit" data-i18n="esecure-tab-audit"></button>
        </div>

        <section class="tab-panel panel-card esecure-panel" role="tabpanel" id="esecure-panel-requests" aria-labelledby="esecure-tab-requests">
          <p class="panel-intro" data-i18n="esecure-requests-intro"></p>
          <div class="history-filters">
            <div class="field">
              <label class="field-label" for="esecure-filter-status" data-i18n="esecure-filter-status"></label>
              <select class="input history-select" id="esecure-filter-status">
                <option value="pending" data-i18n="esecure-status-pending"></option>
                <option value="approved" data-i18n="esecure-status-approved"></option>
                <option value="rejected" data-i18n="esecure-status-rejected"></option>
                <option value="revoked" data-i18n="esecure-status-revoked"></option>
                <option value="all" data-i18n="esecure-status-all"></option>
              </select>
            </div>
            <div class="field">
              <label class="field-label" for="esecure-filter-account" data-i18n="esecure-filter-account"></label>
              <select class="input history-select esecure-account-select" id="esecure-filter-account">
                <option value="" data-i18n="esecure-all-accounts"></option>
              </select>
            </div>
          </div>
          <div class="esecure-bulk" id="esecure-bulk" role="group" aria-labelledby="esecure-selected">
            <div class="check esecure-select-all">
              <input id="esecure-select-all" type="checkbox">
              <label for="esecure-select-all" data-i18n="esecure-select-all"></label>
            </div>
            <span class="esecure-selected" id="esecure-selected" aria-live="polite"></span>
            <button type="button" class="button button-primary button-compact" id="esecure-approve" disabled data-i18n="esecure-approve"></button>
            <button type="button" class="button button-danger button-compact" id="esecure-reject" disabled data-i18n="esecure-reject"></button>
            <button type="button" class="button button-secondary button-compact esecure-add" id="esecure-requests-add" data-i18n="esecure-add"></button>
          </div>
          <div class="item-confirm esecure-reject-confirm" id="esecure-reject-confirm" role="group" hidden>
            <p class="item-confirm-text" id="esecure-reject-confirm-text"></p>
            <div class="item-actions">
              <button type="button" class="button button-danger button-compact" id="esecure-reject-confirm-yes" data-i18n="esecure-reject"></button>
              <button type="button" class="button button-secondary button-compact" id="esecure-reject-confirm-no" data-i18n="esecure-cancel"></button>
            </div>
          </div>
          <div class="esecure-undo" id="esecure-undo" role="status" aria-live="polite" hidden>
            <span id="esecure-undo-text"></span>
            <button type="button" class="button button-secondary button-compact" id="esecure-undo-button" data-i18n="esecure-undo"></button>
          </div>
          <p id="esecure-requests-status" class="form-status" role="status" aria-live="polite"></p>
          <div class="history-table-wrap">
            <table class="history-table esecure-table" id="esecure-requests-table">
              <thead>
                <tr>
                  <th scope="col" class="esecure-check-column"><span class="visually-hidden" data-i18n="esecure-select-all"></span></th>
                  <th scope="col" data-i18n="esecure-column-email"></th>
                  <th scope="col" data-i18n="esecure-column-account"></th>
                  <th scope="col" data-i18n="esecure-column-requested"></th>
                  <th scope="col" data-i18n="esecure-column-status"></th>
                </tr>
              </thead>
              <tbody id="esecure-requests-rows"></tbody>
            </table>
            <p class="list-state list-loading" id="esecure-requests-loading" hidden data-i18n="esecure-loading"></p>
            <p class="list-state list-empty" id="esecure-requests-empty" hidden></p>
          </div>
          <p class="panel-hint" id="esecure-keyboard-hint" data-i18n="esecure-keyboard-hint"></p>
        </section>

        <section class="tab-panel panel-card esecure-panel" role="tabpanel" id="esecure-panel-add-users" aria-labelledby="esecure-tab-add-users" hidden>
          <p class="panel-intro" data-i18n="esecure-add-users-intro"></p>
          <form id="esecure-users-form" class="form esecure-form" aria-labelledby="esecure-tab-add-users" novalidate>
            <p class="form-note" data-i18n="form-required-note"></p>
            <div class="field">
              <label class="field-label" for="esecure-users-account">
                <span data-i18n="esecure-add-users-account"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
              </label>
              <select class="input esecure-account-select" id="esecure-users-account" required></select>
              <p class="field-error" id="esecure-users-account-error"></p>
            </div>
            <div class="field">
              <label class="field-label" for="esecure-users-emails">
                <span data-i18n="esecure-add-users-emails"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
              </label>
              <p class="field-help" id="esecure-users-emails-help" data-i18n="esecure-add-users-emails-help"></p>
              <textarea class="input textarea" id="esecure-users-emails" rows="4" required spellcheck="false" autocapitalize="off"
                        aria-describedby="esecure-users-emails-help"></textarea>
              <p class="field-error" id="esecure-users-emails-error"></p>
            </div>
            <p id="esecure-users-form-status" class="form-status" role="status" aria-live="polite"></p>
            <div class="form-actions">
              <button type="submit" class="button button-primary" id="esecure-users-submit" data-i18n="esecure-add-users-submit"></button>
            </div>
          </form>
        </section>

        <section class="tab-panel panel-card esecure-panel" role="tabpanel" id="esecure-panel-administrators" aria-labelledby="esecure-tab-administrators" hidden>
          <p class="panel-intro" data-i18n="esecure-administrators-intro"></p>
          <p id="esecure-administrators-status" class="form-status" role="status" aria-live="polite"></p>
          <p class="list-state list-empty" id="esecure-administrators-empty" hidden data-i18n="esecure-administrators-empty"></p>
          <ul class="esecure-accounts" id="esecure-accounts" role="list" aria-labelledby="esecure-tab-administrators"></ul>
          <div class="form-actions esecure-accounts-actions">
            <button type="button" class="button button-primary" id="esecure-administrator-add" data-i18n="esecure-administrators-add" aria-describedby="esecure-administrator-add-hint"></button>
            <span class="field-help" id="esecure-administrator-add-hint" data-i18n="esecure-administrators-add-hint"></span>
          </div>
          <form id="esecure-administrator-form" class="form esecure-form esecure-subform" aria-labelledby="esecure-administrator-form-title" novalidate hidden>
            <h2 class="card-title" id="esecure-administrator-form-title" tabindex="-1" data-i18n="esecure-administrator-form-title"></h2>
            <p class="panel-intro" id="esecure-administrator-form-for"></p>
            <div class="field">
              <label class="field-label" for="esecure-administrator-name">
                <span data-i18n="esecure-administrator-name"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
              </label>
              <input class="input" id="esecure-administrator-name" type="text" autocomplete="off" maxlength="120" required>
              <p class="field-error" id="esecure-administrator-name-error"></p>
            </div>
            <div class="field">
              <label class="field-label" for="esecure-administrator-email">
                <span data-i18n="esecure-administrator-email"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
              </label>
              <input class="input" id="esecure-administrator-email" type="email" autocomplete="off" spellcheck="false" autocapitalize="off" maxlength="254" required>
              <p class="field-error" id="esecure-administrator-email-error"></p>
            </div>
            <div class="field">
              <label class="field-label" for="esecure-administrator-language">
                <span data-i18n="esecure-administrator-language"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
              </label>
              <select class="input esecure-language" id="esecure-administrator-language" required>
                <option value="nl" lang="nl" data-i18n="language-name-nl"></option>
                <option value="en" lang="en" data-i18n="language-name-en"></option>
                <option value="fr" lang="fr" data-i18n="language-name-fr"></option>
              </select>
              <p class="field-error" id="esecure-administrator-language-error"></p>
            </div>
            <p id="esecure-administrator-form-status" class="form-status" role="status" aria-live="polite"></p>
            <div class="form-actions">
              <button type="submit" class="button button-primary" id="esecure-administrator-submit" data-i18n="esecure-administrator-submit"></button>
              <button type="button" class="button button-secondary" id="esecure-administrator-cancel" data-i18n="esecure-cancel"></button>
            </div>
          </form>
        </section>

        <section class="tab-panel panel-card esecure-panel" role="tabpanel" id="esecure-panel-domains" aria-labelledby="esecure-tab-domains" hidden>
          <p class="panel-intro" data-i18n="esecure-domains-intro"></p>
          <form id="esecure-domains-form" class="form esecure-form" aria-labelledby="esecure-tab-domains" novalidate>
            <div class="field">
              <label class="field-label" for="esecure-domains-account" data-i18n="esecure-domains-account"></label>
              <select class="input esecure-account-select" id="esecure-domains-account"></select>
              <p class="field-error" id="esecure-domains-account-error"></p>
            </div>
            <div class="field">
              <label class="field-label" for="esecure-domains-authorised" data-i18n="esecure-domains-authorised"></label>
              <p class="field-help" id="esecure-domains-authorised-help" data-i18n="esecure-domains-authorised-help"></p>
              <textarea class="input textarea" id="esecure-domains-authorised" rows="3" spellcheck="false" autocapitalize="off"
                        aria-describedby="esecure-domains-authorised-help"></textarea>
              <p class="field-error" id="esecure-domains-authorised-error"></p>
            </div>
            <div class="field">
              <label class="field-label" for="esecure-domains-restricted" data-i18n="esecure-domains-restricted"></label>
              <p class="field-help" id="esecure-domains-restricted-help" data-i18n="esecure-domains-restricted-help"></p>
              <textarea class="input textarea" id="esecure-domains-restricted" rows="3" spellcheck="false" autocapitalize="off"
                        aria-describedby="esecure-domains-restricted-help"></textarea>
              <p class="field-error" id="esecure-domains-restricted-error"></p>
            </div>
            <div class="check switch">
              <input id="esecure-domains-restrict" type="checkbox" role="switch">
              <label for="esecure-domains-restrict" data-i18n="esecure-domains-restrict"></label>
            </div>
            <p id="esecure-domains-form-status" class="form-status" role="status" aria-live="polite"></p>
            <div class="form-actions">
              <button type="submit" class="button button-primary" id="esecure-domains-submit" data-i18n="esecure-domains-submit"></button>
            </div>
          </form>
        </section>

        <section class="tab-panel panel-card esecure-panel" role="tabpanel" id="esecure-panel-audit" aria-labelledby="esecure-tab-audit" hidden>
          <p class="panel-intro" data-i18n="esecure-audit-intro"></p>
          <div class="history-filters">
            <div class="field">
              <label class="field-label" for="esecure-audit-account" data-i18n="esecure-filter-account"></label>
              <select class="input history-select esecure-account-select" id="esecure-audit-account">
                <option value="" data-i18n="esecure-all-accounts"></option>
              </select>
            </div>
          </div>
          <p id="esecure-audit-status" class="form-status" role="status" aria-live="polite"></p>
          <div class="history-table-wrap">
            <table class="history-table esecure-table" id="esecure-audit-table">
              <thead>
                <tr>
                  <th scope="col" data-i18n="esecure-audit-column-at"></th>
                  <th scope="col" data-i18n="esecure-audit-column-actor"></th>
                  <th scope="col" data-i18n="esecure-audit-column-action"></th>
                  <th scope="col" data-i18n="esecure-audit-column-subject"></th>
                  <th scope="col" data-i18n="esecure-audit-column-account"></th>
                </tr>
              </thead>
              <tbody id="esecure-audit-rows"></tbody>
            </table>
            <p class="list-state list-loading" id="esecure-audit-loading" hidden data-i18n="esecure-loading"></p>
            <p class="list-state list-empty" id="esecure-audit-empty" hidden data-i18n="esecure-audit-empty"></p>
          </div>
        </section>

        <section class="panel-card page-card esecure-tray" aria-labelledby="esecure-tray-title">
          <h2 class="card-title" id="esecure-tray-title" data-i18n="esecure-tray-title"></h2>
          <div class="check">
            <input id="esecure-keep-in-tray" type="checkbox" aria-describedby="esecure-keep-in-tray-help">
            <label for="esecure-keep-in-tray" data-i18n="esecure-keep-in-tray"></label>
          </div>
          <p class="field-help esecure-tray-help" id="esecure-keep-in-tray-help" data-i18n="esecure-keep-in-tray-help"></p>
          <p class="field-help esecure-tray-help" id="esecure-no-tray" hidden data-i18n="esecure-no-tray"></p>
          <p id="esecure-tray-status" class="form-status" role="status" aria-live="polite"></p>
        </section>
      </div>
    </section>
`;
