import { useNavigate } from 'react-router';

import { PortalPage } from './PortalPage';

/** 核验 The forms a citizen or an enterprise types a credential number or an inspection code into. */
export function VerifyPage() {
  const navigate = useNavigate();
  const go = (prefix: string) => (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const value = new FormData(e.currentTarget).get('q');
    if (typeof value === 'string' && value.trim()) void navigate(`${prefix}/${encodeURIComponent(value.trim())}`);
  };
  return (
    <PortalPage title="证件核验">
      <h1>执法证件核验</h1>
      <p className="lead">
        执法人员应当主动出示执法证件。输入证件上的执法证号，或扫描证件二维码，即可核验证件今日是否有效。
      </p>
      <form role="search" aria-label="核验执法证件" onSubmit={go('/verify/credential')}>
        <label htmlFor="credential-number">执法证号</label>
        <input
          id="credential-number"
          name="q"
          required
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          aria-describedby="credential-hint"
        />
        <button type="submit">核验证件</button>
        <span id="credential-hint" className="hint muted">
          例如证件正面印有的 14 位数字证号
        </span>
      </form>
      <h2>涉企检查码核验</h2>
      <p>企业可核验检查通知书上的检查码，确认检查是否经批准、检查人员与检查事项。</p>
      <form role="search" aria-label="核验检查码" onSubmit={go('/verify/inspection')}>
        <label htmlFor="inspection-code">检查码</label>
        <input id="inspection-code" name="q" required autoComplete="off" spellCheck={false} />
        <button type="submit">核验检查码</button>
      </form>
    </PortalPage>
  );
}
