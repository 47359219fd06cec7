// The markup of the "Account numbers" page (#/account-numbers), kept with its code. main.js puts
// every page into <main id="content"> while the app gets ready, before the translations are
// applied; the login card stays in index.html, so the first screen never waits for a page's
// markup.

export const markup = `
    <section class="page" data-page="account-numbers" hidden>
      <h1 data-i18n="nav-account-numbers"></h1>
      <p class="lead" data-i18n="page-account-numbers-intro"></p>

      <section class="panel-card page-card" aria-labelledby="account-number-form-title">
        <h2 class="card-title" id="account-number-form-title" data-i18n="account-numbers-add-title"></h2>
        <form id="account-number-form" class="form" aria-labelledby="account-number-form-title" novalidate>
          <p class="form-note" data-i18n="form-required-note"></p>
          <div class="field">
            <label class="field-label" for="account-number-input">
              <span data-i18n="account-numbers-number"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
            </label>
            <p class="field-help" id="account-number-input-help" data-i18n="account-numbers-number-help"></p>
            <input class="input input-account-number" id="account-number-input" type="text" inputmode="numeric"
                   autocomplete="off" spellcheck="false" maxlength="24" required
                   aria-describedby="account-number-input-help">
            <p class="field-error" id="account-number-input-error"></p>
          </div>
          <div class="field">
            <label class="field-label" for="account-number-name">
              <span data-i18n="account-numbers-name"></span>
            </label>
            <p class="field-help" id="account-number-name-help" data-i18n="account-numbers-name-help"></p>
            <input class="input" id="account-number-name" type="text" autocomplete="off" maxlength="120"
                   aria-describedby="account-number-name-help">
            <p class="field-error" id="account-number-name-error"></p>
          </div>
          <p id="account-number-form-status" class="form-status" role="status" aria-live="polite"></p>
          <div class="form-actions">
            <button type="submit" class="button button-primary" id="account-number-submit" data-i18n="account-numbers-add-submit"></button>
          </div>
        </form>
      </section>

      <section class="panel-card page-card" aria-labelledby="account-number-list-title">
        <h2 class="card-title" id="account-number-list-title" tabindex="-1" data-i18n="account-numbers-list-title"></h2>
        <p id="account-number-list-status" class="form-status" role="status" aria-live="polite"></p>
        <button type="button" class="button button-secondary list-retry" id="account-number-retry" hidden
                data-i18n="account-numbers-retry"></button>
        <p class="list-state list-loading" id="account-number-loading" hidden data-i18n="account-numbers-loading"></p>
        <p class="list-state list-empty" id="account-number-empty" hidden data-i18n="account-numbers-empty"></p>
        <ul class="item-list" id="account-number-list" role="list" aria-labelledby="account-number-list-title"></ul>
      </section>
    </section>
`;
