// The bench's uploads: upload i has key obj/<i, 7 digits> and an upload id shaped like S3's (a
// base-36 index, then a fixed tail), so the stub, the load generators and the AWS CLI loop all
// name the same uploads without a shared table.
export const ID_TAIL = 'VXBsb2FkSWQgZm9yIDY5NjQgbXkgbW92aWUubTJ0cyB1cGxvYWQ.exampleUploadIdSuffix';
export const keyOf = (i) => `obj/${String(i).padStart(7, '0')}`;
export const idOf = (i) => `${i.toString(36).padStart(6, '0')}${ID_TAIL}`;
