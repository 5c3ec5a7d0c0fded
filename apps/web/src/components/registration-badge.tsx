/** How each registration status reads at a glance: settled, waiting, or ended. */
const TONE: Record<string, string> = {
  confirmed: 'ok',
  pending: 'wait',
  awaiting_consent: 'wait',
  waitlisted: 'wait',
  cancelled: 'bad',
  rejected: 'bad',
};

/** A registration's status as a coloured word (never the colour alone), in the caller's words. */
export function RegistrationBadge(props: { status: string; label: string }) {
  const tone = TONE[props.status];
  return <span class={tone ? `badge ${tone}` : 'badge'}>{props.label}</span>;
}
