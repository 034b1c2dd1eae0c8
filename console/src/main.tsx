import { render } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, signedIn, signIn, signOut } from './api';
import { useRoute } from './hooks';
import { lang, t } from './i18n';
import { BusinessesPage, BusinessPage } from './pages/businesses';
import { CallPage } from './pages/call';
import { CallsPage } from './pages/calls';
import { AppointmentsPage, CustomerPage, CustomersPage } from './pages/lists';
import { OverviewPage } from './pages/overview';
import './style.css';

function SignIn({ onIn }: { onIn: () => void }) {
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
    try {
      await signIn(input.value);
      input.value = '';
      onIn();
    } catch (e) {
      setError(e instanceof ApiError && e.status < 500 ? t.badToken : (e as Error).message);
    }
  };
  return (
    <main id="main" class="sign-in">
      <h1>{t.title}</h1>
      <form onSubmit={(e) => void submit(e)} autocomplete="off">
        <label for="token">{t.tokenLabel}</label>
        <input id="token" name="token" type="password" required aria-describedby="token-help" autocomplete="off" />
        <p id="token-help" class="muted">
          {t.tokenHelp}
        </p>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <button type="submit">{t.signIn}</button>
      </form>
    </main>
  );
}

const NAV: Array<[string, string]> = [
  ['/overview', t.overview],
  ['/calls', t.calls],
  ['/appointments', t.appointments],
  ['/customers', t.customers],
  ['/businesses', t.businesses],
];

function Page({ route }: { route: string }) {
  const [, section, id] = route.split('/');
  if (section === 'calls') return id ? <CallPage id={id} /> : <CallsPage />;
  if (section === 'appointments') return <AppointmentsPage />;
  if (section === 'customers') return id ? <CustomerPage id={id} /> : <CustomersPage />;
  if (section === 'businesses') return id ? <BusinessPage id={id} /> : <BusinessesPage />;
  return <OverviewPage />;
}

function App() {
  const [, setIn] = useState(signedIn());
  const route = useRoute();
  if (!signedIn()) return <SignIn onIn={() => setIn(true)} />;
  const out = () => {
    signOut();
    setIn(false);
  };
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        {lang === 'de' ? 'Zum Inhalt' : 'Skip to content'}
      </a>
      <header>
        <nav aria-label={t.title}>
          <ul>
            {NAV.map(([path, label]) => (
              <li key={path}>
                <a href={`#${path}`} aria-current={route.startsWith(path) ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" onClick={out}>
          {t.signOut}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} />
      </main>
    </>
  );
}

document.documentElement.lang = lang;
render(<App />, document.getElementById('app')!);
