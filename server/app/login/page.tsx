import { cookies } from 'next/headers';
import { LoginForm } from '../../src/ui/login-form';

export const dynamic = 'force-dynamic';

export default async function LoginPage() {
  const lang = (await cookies()).get('lang')?.value === 'en' ? 'en' : 'zh';
  return <LoginForm lang={lang} />;
}
