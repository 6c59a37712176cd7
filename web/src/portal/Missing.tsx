import { Link } from 'react-router';

/** What an unknown id shows: a level-1 heading saying so, and the way back. */
export function Missing({ title, back, backLabel }: { title: string; back: string; backLabel: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p>链接可能有误，或该信息已不再公示。</p>
      <p>
        <Link to={back}>{backLabel}</Link>
      </p>
    </>
  );
}
