/** Display name from first/last name, falling back to the email, then the id. */
export function customerName(c: {
  customer_id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
}): string {
  const name = [c.first_name, c.last_name].filter(Boolean).join(" ").trim();
  return name || c.email || `#${c.customer_id}`;
}
