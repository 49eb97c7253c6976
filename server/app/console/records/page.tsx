import { RecordsSearch } from '../../../src/ui/records/records-search';

export default function Page() {
  return <RecordsSearch />;
}
