import { useState } from 'react';
import { usePageTitle } from '../lib/use-page-title';
import { AlumniList } from './alumni-list';
import { FollowUpQueue } from './follow-up-queue';
import './alumni.css';

type Tab = 'calls' | 'alumni' | 'in_treatment';
const TABS: [Tab, string][] = [
  ['calls', 'Follow-up calls'],
  ['alumni', 'Alumni'],
  ['in_treatment', 'Nearing discharge'],
];

export function AlumniPage() {
  usePageTitle('Alumni & referrals');
  const [tab, setTab] = useState<Tab>('calls');
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Alumni & referrals</h1>
          <p className="lead">
            Follow-up calls after discharge, community meeting referrals and consents to contact
            someone about a client.
          </p>
        </div>
      </div>
      <div className="tabs" role="tablist" aria-label="Alumni work">
        {TABS.map(([key, label]) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={tab === key}
            className={tab === key ? 'tab tab--active' : 'tab'}
            onClick={() => setTab(key)}
          >
            {label}
          </button>
        ))}
      </div>
      {tab === 'calls' ? <FollowUpQueue /> : <AlumniList status={tab} />}
    </>
  );
}
