// The markup of the "Personal data" page (#/personal-data), kept with its code. main.js puts every
// page into <main id="content"> while the app gets ready, before the translations are applied; the
// login card stays in index.html, so the first screen never waits for a page's markup.

export const markup = `
    <section class="page" data-page="personal-data" hidden>
      <h1 data-i18n="nav-personal-data"></h1>
      <p class="lead" data-i18n="page-personal-data-intro"></p>

      <div class="tabs" role="tablist" data-i18n-aria-label="nav-personal-data">
        <button type="button" class="tab" role="tab" id="personal-tab-profile" aria-selected="true"
                aria-controls="personal-panel-profile" data-i18n="personal-tab-profile"></button>
        <button type="button" class="tab" role="tab" id="personal-tab-password" aria-selected="false" tabindex="-1"
                aria-controls="personal-panel-password" data-i18n="personal-tab-password"></button>
        <button type="button" class="tab" role="tab" id="personal-tab-forget" aria-selected="false" tabindex="-1"
                aria-controls="personal-panel-forget" data-i18n="personal-tab-forget"></button>
        <button type="button" class="tab" role="tab" id="personal-tab-computer" aria-selected="false" tabindex="-1"
                aria-controls="personal-panel-computer" data-i18n="personal-tab-computer"></button>
      </div>

      <section class="tab-panel panel-card" role="tabpanel" id="personal-panel-profile" aria-labelledby="personal-tab-profile">
        <p class="panel-intro" data-i18n="personal-profile-intro"></p>
        <form id="profile-form" class="form" aria-labelledby="personal-tab-profile" novalidate>
          <p class="form-note" data-i18n="form-required-note"></p>
          <div class="field">
            <label class="field-label" for="profile-email">
              <span data-i18n="personal-email"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
            </label>
            <p class="field-help" id="profile-email-help" data-i18n="personal-email-help"></p>
            <input class="input" id="profile-email" type="email" autocomplete="email" required
                   spellcheck="false" autocapitalize="off" aria-describedby="profile-email-help">
            <p class="field-error" id="profile-email-error"></p>
          </div>
          <div class="field" id="profile-current-password-field" hidden>
            <label class="field-label" for="profile-current-password">
              <span data-i18n="personal-current-password"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
            </label>
            <p class="field-help" id="profile-current-password-help" data-i18n="personal-email-password-help"></p>
            <div class="password-input">
              <input class="input" id="profile-current-password" type="password" autocomplete="current-password"
                     aria-describedby="profile-current-password-help">
              <button type="button" class="password-toggle" aria-controls="profile-current-password"
                      data-i18n="password-show" data-i18n-aria-label="password-show-label"></button>
            </div>
            <p class="field-error" id="profile-current-password-error"></p>
          </div>
          <div class="field">
            <label class="field-label" for="profile-company">
              <span data-i18n="personal-company-name"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
            </label>
            <input class="input" id="profile-company" type="text" autocomplete="organization" required>
            <p class="field-error" id="profile-company-error"></p>
          </div>
          <div class="field">
            <label class="field-label" for="profile-contact">
              <span data-i18n="personal-contact-name"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
            </label>
            <input class="input" id="profile-contact" type="text" autocomplete="name" required>
            <p class="field-error" id="profile-contact-error"></p>
          </div>
          <div class="field">
            <label class="field-label" for="profile-phone">
              <span data-i18n="personal-phone"></span>
            </label>
            <p class="field-help" id="profile-phone-help" data-i18n="personal-phone-help"></p>
            <input class="input" id="profile-phone" type="tel" autocomplete="tel" aria-describedby="profile-phone-help">
            <p class="field-error" id="profile-phone-error"></p>
          </div>
          <div class="field">
            <label class="field-label" for="profile-language">
              <span data-i18n="personal-language"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
            </label>
            <p class="field-help" id="profile-language-help" data-i18n="personal-language-help"></p>
            <select class="input" id="profile-language" required aria-describedby="profile-language-help">
              <option value="nl" lang="nl" data-i18n="language-name-nl"></option>
              <option value="en" lang="en" data-i18n="language-name-en"></option>
              <option value="fr" lang="fr" data-i18n="language-name-fr"></option>
            </select>
            <p class="field-error" id="profile-language-error"></p>
          </div>
          <div class="field">
            <label class="field-label" for="profile-time-zone">
              <span data-i18n="personal-time-zone"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
            </label>
            <p class="field-help" id="profile-time-zone-help" data-i18n="personal-time-zone-help"></p>
            <select class="input" id="profile-time-zone" required aria-describedby="profile-time-zone-help"></select>
            <p class="field-error" id="profile-time-zone-error"></p>
          </div>
          <p id="profile-form-status" class="form-status" role="status" aria-live="polite"></p>
          <div class="form-actions">
            <button type="submit" class="button button-primary" id="profile-submit" data-i18n="personal-profile-submit"></button>
          </div>
        </form>
      </section>

      <section class="tab-panel panel-card" role="tabpanel" id="personal-panel-password" aria-labelledby="personal-tab-password" hidden>
        <p class="panel-intro" id="password-intro" data-i18n="personal-password-intro"></p>
        <p class="panel-intro" id="password-none" data-i18n="personal-password-none" hidden></p>
        <form id="password-form" class="form" aria-labelledby="personal-tab-password" novalidate>
          <div class="field">
            <label class="field-label" for="password-current">
              <span data-i18n="personal-current-password"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
            </label>
            <div class="password-input">
              <input class="input" id="password-current" type="password" autocomplete="current-password" required>
              <button type="button" class="password-toggle" aria-controls="password-current"
                      data-i18n="password-show" data-i18n-aria-label="password-show-label"></button>
            </div>
            <p class="field-error" id="password-current-error"></p>
          </div>
          <div class="field">
            <label class="field-label" for="password-new">
              <span data-i18n="personal-new-password"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
            </label>
            <p class="field-help" id="password-new-help" data-i18n="password-rule"></p>
            <div class="password-input">
              <input class="input" id="password-new" type="password" autocomplete="new-password" required
                     aria-describedby="password-new-help">
              <button type="button" class="password-toggle" aria-controls="password-new"
                      data-i18n="password-show" data-i18n-aria-label="password-show-label"></button>
            </div>
            <p class="field-error" id="password-new-error"></p>
          </div>
          <div class="field">
            <label class="field-label" for="password-confirm">
              <span data-i18n="personal-confirm-password"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
            </label>
            <div class="password-input">
              <input class="input" id="password-confirm" type="password" autocomplete="new-password" required>
              <button type="button" class="password-toggle" aria-controls="password-confirm"
                      data-i18n="password-show" data-i18n-aria-label="password-show-label"></button>
            </div>
            <p class="field-error" id="password-confirm-error"></p>
          </div>
          <p id="password-form-status" class="form-status" role="status" aria-live="polite"></p>
          <div class="form-actions">
            <button type="submit" class="button button-primary" id="password-submit" data-i18n="personal-password-submit"></button>
          </div>
        </form>
        <p class="panel-hint" id="password-forgot-hint" data-i18n="personal-password-forgot"></p>
      </section>

      <section class="tab-panel panel-card panel-card-danger" role="tabpanel" id="personal-panel-forget" aria-labelledby="personal-tab-forget" hidden>
        <p class="panel-intro" data-i18n="personal-forget-intro"></p>
        <ul class="consequences">
          <li data-i18n="personal-forget-revoked"></li>
          <li data-i18n="personal-forget-orders"></li>
          <li data-i18n="personal-forget-esecure"></li>
          <li data-i18n="personal-forget-statistics"></li>
          <li class="consequence-final" data-i18n="personal-forget-final"></li>
        </ul>
        <form id="forget-form" class="form" aria-labelledby="personal-tab-forget" novalidate>
          <div class="field" id="forget-password-field">
            <label class="field-label" for="forget-password">
              <span data-i18n="personal-forget-password"></span><span class="required-mark" aria-hidden="true" data-i18n="form-required-mark"></span>
            </label>
            <p class="field-help" id="forget-password-help" data-i18n="personal-forget-password-help"></p>
            <div class="password-input">
              <input class="input" id="forget-password" type="password" autocomplete="current-password" required
                     aria-describedby="forget-password-help">
              <button type="button" class="password-toggle" aria-controls="forget-password"
                      data-i18n="password-show" data-i18n-aria-label="password-show-label"></button>
            </div>
            <p class="field-error" id="forget-password-error"></p>
          </div>
          <div class="field">
            <div class="check">
              <input id="forget-confirm" type="checkbox" required>
              <label for="forget-confirm" data-i18n="personal-forget-confirm"></label>
            </div>
            <p class="field-error" id="forget-confirm-error"></p>
          </div>
          <p id="forget-form-status" class="form-status" role="status" aria-live="polite"></p>
          <div class="form-actions">
            <button type="submit" class="button button-danger" id="forget-submit" data-i18n="personal-forget-submit"></button>
          </div>
        </form>
      </section>

      <section class="tab-panel panel-card" role="tabpanel" id="personal-panel-computer" aria-labelledby="personal-tab-computer" hidden>
        <p class="panel-intro" data-i18n="personal-computer-intro"></p>
        <form id="autostart-form" class="form" aria-labelledby="personal-tab-computer" novalidate>
          <div class="field">
            <div class="check">
              <input id="autostart-enabled" type="checkbox" aria-describedby="autostart-help">
              <label for="autostart-enabled" data-i18n="personal-autostart"></label>
            </div>
            <p class="field-help" id="autostart-help" data-i18n="personal-autostart-help"></p>
          </div>
          <p id="autostart-form-status" class="form-status" role="status" aria-live="polite"></p>
        </form>
      </section>
    </section>
`;
