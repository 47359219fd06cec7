// The markup of the "Order history" page (#/order-history), kept with its code. main.js puts every
// page into <main id="content"> while the app gets ready, before the translations are applied; the
// login card stays in index.html, so the first screen never waits for a page's markup.

export const markup = `
    <section class="page" data-page="order-history" hidden>
      <h1 data-i18n="nav-order-history"></h1>
      <p class="lead" data-i18n="page-order-history-intro"></p>
      <p class="history-retention" id="history-retention"></p>
      <p class="notice history-offline" id="history-offline" hidden data-i18n="history-offline"></p>

      <section class="panel-card history-card" aria-labelledby="history-list-title">
        <h2 class="card-title visually-hidden" id="history-list-title" data-i18n="history-list-title"></h2>
        <form class="history-filters" id="history-filters" role="search" data-i18n-aria-label="history-filters-label" novalidate>
          <div class="field history-search-field">
            <label class="field-label" for="history-search" data-i18n="history-filter-search"></label>
            <input class="input" id="history-search" type="search" autocomplete="off" spellcheck="false"
                   data-i18n-placeholder="history-filter-search-placeholder">
            <p class="field-error" id="history-search-error"></p>
          </div>
          <div class="field history-date-field">
            <label class="field-label" for="history-from" data-i18n="history-filter-from"></label>
            <input class="input" id="history-from" type="date">
            <p class="field-error" id="history-from-error"></p>
          </div>
          <div class="field history-date-field">
            <label class="field-label" for="history-to" data-i18n="history-filter-to"></label>
            <input class="input" id="history-to" type="date">
            <p class="field-error" id="history-to-error"></p>
          </div>
          <div class="field">
            <label class="field-label" for="history-status" data-i18n="history-filter-status"></label>
            <select class="input history-select" id="history-status">
              <option value="" data-i18n="history-filter-all"></option>
              <option value="received" data-i18n="history-status-received"></option>
              <option value="in_progress" data-i18n="history-status-in_progress"></option>
              <option value="shipped" data-i18n="history-status-shipped"></option>
              <option value="completed" data-i18n="history-status-completed"></option>
              <option value="cancelled" data-i18n="history-status-cancelled"></option>
            </select>
            <p class="field-error" id="history-status-error"></p>
          </div>
          <div class="field">
            <label class="field-label" for="history-account" data-i18n="history-filter-account"></label>
            <select class="input history-select" id="history-account">
              <option value="" data-i18n="history-filter-all"></option>
            </select>
            <p class="field-error" id="history-account-error"></p>
          </div>
          <div class="history-export">
            <button type="button" class="button button-secondary" id="history-export" data-i18n="history-export"></button>
          </div>
        </form>
        <div class="history-export-result" id="history-export-result" hidden>
          <p class="form-status" id="history-export-status" role="status" aria-live="polite"></p>
          <button type="button" class="button button-secondary button-compact" id="history-export-open" data-i18n="history-export-open"></button>
        </div>

        <p id="history-list-status" class="form-status" role="status" aria-live="polite"></p>
        <button type="button" class="button button-secondary list-retry" id="history-retry" hidden
                data-i18n="history-retry"></button>
        <p class="visually-hidden" id="history-announce" role="status" aria-live="polite"></p>

        <div class="history-table-wrap">
          <table class="history-table" id="history-table" aria-labelledby="history-list-title">
            <thead>
              <tr>
                <th scope="col" aria-sort="none"><button type="button" class="history-sort" data-sort="order_number"><span data-i18n="history-column-order_number"></span><span class="history-sort-arrow" aria-hidden="true"></span></button></th>
                <th scope="col" aria-sort="descending"><button type="button" class="history-sort" data-sort="created_at"><span data-i18n="history-column-created_at"></span><span class="history-sort-arrow" aria-hidden="true"></span></button></th>
                <th scope="col" aria-sort="none"><button type="button" class="history-sort" data-sort="status"><span data-i18n="history-column-status"></span><span class="history-sort-arrow" aria-hidden="true"></span></button></th>
                <th scope="col" aria-sort="none"><button type="button" class="history-sort" data-sort="account_number"><span data-i18n="history-column-account_number"></span><span class="history-sort-arrow" aria-hidden="true"></span></button></th>
                <th scope="col" aria-sort="none"><button type="button" class="history-sort" data-sort="company"><span data-i18n="history-column-company"></span><span class="history-sort-arrow" aria-hidden="true"></span></button></th>
                <th scope="col" aria-sort="none" data-column="packs"><button type="button" class="history-sort" data-sort="packs"><span data-i18n="history-column-packs"></span><span class="history-sort-arrow" aria-hidden="true"></span></button></th>
              </tr>
            </thead>
            <tbody id="history-rows"></tbody>
          </table>
          <p class="list-state list-loading" id="history-loading" hidden data-i18n="history-loading"></p>
          <div class="list-state list-empty" id="history-empty" hidden>
            <span id="history-empty-none" data-i18n="history-empty"></span>
            <span id="history-empty-filtered" data-i18n="history-empty-filtered"></span>
            <button type="button" class="link-button" id="history-empty-clear" data-i18n="history-clear-filters"></button>
          </div>
        </div>

        <nav class="history-paging" data-i18n-aria-label="history-paging">
          <button type="button" class="button button-secondary button-compact" id="history-prev" disabled data-i18n="history-prev"></button>
          <span class="history-range" id="history-range" aria-live="polite"></span>
          <button type="button" class="button button-secondary button-compact" id="history-next" disabled data-i18n="history-next"></button>
        </nav>
      </section>

      <section class="panel-card history-details" id="order-details" aria-labelledby="order-details-title" hidden></section>
    </section>
`;
