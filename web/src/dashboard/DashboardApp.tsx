import './dashboard.css';

import { useCallback, useMemo, useState } from 'react';
import { Route, Routes, useNavigate } from 'react-router';

import { NotFound } from '../ui/NotFound';
import { type Auth, AuthContext } from './auth/AuthContext';
import { Callback } from './auth/Callback';
import { clearToken, readClaims, storedToken, storeToken, tokenProblem } from './auth/session';
import { SignIn } from './auth/SignIn';
import { CaseDetail } from './pages/CaseDetail';
import { Findings } from './pages/Findings';
import { Notices } from './pages/Notices';
import { Overview } from './pages/Overview';

/**
 * 监督看板 The justice bureau's dashboard, loaded on its own (routes.tsx) so the portal never downloads ECharts.
 * Without a usable SUPERVISOR token every page is the sign-in, saying why.
 */
export default function DashboardApp() {
  const navigate = useNavigate();
  const [token, setToken] = useState<string | null>(() => {
    const t = storedToken();
    return t && !tokenProblem(t) ? t : null;
  });
  const [message, setMessage] = useState<string | null>(() => {
    const t = storedToken();
    return t ? tokenProblem(t) : null;
  });

  const signIn = useCallback(
    (t: string) => {
      const problem = tokenProblem(t);
      if (problem) {
        clearToken();
        setToken(null);
        setMessage(problem);
        return;
      }
      storeToken(t);
      setMessage(null);
      setToken(t);
      if (location.pathname.startsWith('/supervision/callback')) void navigate('/supervision', { replace: true });
    },
    [navigate],
  );
  const signOut = useCallback((why: string | null) => {
    clearToken();
    setToken(null);
    setMessage(why);
  }, []);
  const auth = useMemo<Auth | null>(() => {
    if (!token) return null;
    const claims = readClaims(token) ?? {};
    return {
      token,
      claims,
      region: claims.region ?? '',
      signOut: () => signOut('您已退出登录。'),
      refuse: (m) => signOut(m),
    };
  }, [token, signOut]);

  const callbackError = useCallback(
    (m: string) => {
      setMessage(m);
      void navigate('/supervision', { replace: true });
    },
    [navigate],
  );

  return (
    <Routes>
      <Route path="callback" element={<Callback onToken={signIn} onError={callbackError} />} />
      <Route
        path="*"
        element={
          auth ? (
            <AuthContext.Provider value={auth}>
              <Routes>
                <Route index element={<Overview />} />
                <Route path="findings" element={<Findings />} />
                <Route path="cases/:id" element={<CaseDetail />} />
                <Route path="notices" element={<Notices />} />
                <Route path="*" element={<NotFound />} />
              </Routes>
            </AuthContext.Provider>
          ) : (
            <SignIn message={message} onToken={signIn} />
          )
        }
      />
    </Routes>
  );
}
