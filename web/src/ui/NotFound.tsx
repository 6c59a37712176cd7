import { Link } from 'react-router';

import { Layout } from './Layout';

export function NotFound() {
  return (
    <Layout title="行政执法公示" nav={[{ to: '/', label: '首页' }]}>
      <h1>页面不存在</h1>
      <p>
        <Link to="/">返回首页</Link>
      </p>
    </Layout>
  );
}
